import type { Core } from '@strapi/strapi';
import { variantIndexMiddleware } from '../articles/variant-index-middleware';
import { createRelatedIndexer } from './related-indexer';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/**
 * After an article variant is published, unpublished or deleted: keep the related-article
 * index and lists current (see related-indexer.ts). Runs after the write succeeded, as the
 * document's own state is what it indexes.
 *
 * An unpublish or delete runs in one transaction with its clean-up (the teaser's too, whose
 * middleware runs inside this one): a crash or an error in between leaves neither a deleted
 * article with live index and list rows, nor a half clean-up.
 */
export function relatedIndexMiddleware(strapi: Core.Strapi): Middleware {
  return variantIndexMiddleware(strapi, createRelatedIndexer(strapi));
}
