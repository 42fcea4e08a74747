import type { Core } from '@strapi/strapi';
import { articleActionLocales } from '../articles/article-action-locales';
import { articleGoesAway, articlePublishes, type ArticleWriteParams } from '../articles/article-write-actions';
import { inTransaction } from '../database/transaction';
import { ARTICLE } from '../uids';
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
  const indexer = createSearchIndexer(strapi);
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
