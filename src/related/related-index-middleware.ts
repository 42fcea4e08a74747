import type { Core } from '@strapi/strapi';
import { createRelatedIndexer } from './related-indexer';
import { articleActionLocales } from '../articles/article-action-locales';
import { articlePublishes, articleGoesAway, type ArticleWriteParams } from '../articles/article-write-actions';
import { inTransaction } from '../database/transaction';
import { ARTICLE } from '../uids';

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
  const indexer = createRelatedIndexer(strapi);
  return async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as ArticleWriteParams;
    if (articlePublishes(context.action, params)) {
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      for (const locale of await articleActionLocales(strapi, documentId, params.locale)) await indexer.index(documentId, locale);
      return result;
    }
    const { documentId } = params;
    if (!articleGoesAway(context.action) || !documentId) return next();
    return inTransaction(strapi, async () => {
      const locales = await articleActionLocales(strapi, documentId, params.locale);
      const result = await next();
      for (const locale of locales) await indexer.remove(documentId, locale);
      return result;
    });
  };
}
