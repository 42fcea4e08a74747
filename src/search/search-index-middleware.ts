import type { Core } from '@strapi/strapi';
import { variantIndexMiddleware } from '../articles/variant-index-middleware';
import { createSearchIndexer } from './search-indexer';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/**
 * Keeps the search index in step with the published variants, as the related index is kept
 * (src/related/related-index-middleware.ts): publish (and create/update with status
 * 'published') indexes the published row after the write; unpublish and delete remove the row
 * in the write's own transaction, so neither a crash nor an error leaves one without the other.
 * An embargoed story is indexed at publish and found from its release on: the release rule is
 * applied when reading (search-engine.ts), so go-live needs no index write. What a failed
 * index write leaves behind, `npm run doctor -- --fix` (search check) repairs.
 */
export function searchIndexMiddleware(strapi: Core.Strapi): Middleware {
  return variantIndexMiddleware(strapi, createSearchIndexer(strapi));
}
