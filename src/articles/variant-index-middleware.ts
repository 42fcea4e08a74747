import type { Core } from '@strapi/strapi';
import { articleActionLocales } from './article-action-locales';
import { articleGoesAway, articlePublishes, type ArticleWriteParams } from './article-write-actions';
import { inTransaction } from '../database/transaction';
import { ARTICLE } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/** A derived index of published article variants (the related index, the search index). */
export interface VariantIndexer {
  /** (Re-)indexes a variant from its published row. */
  index(documentId: string, locale: string): Promise<unknown>;
  /** Removes a variant; runs inside the write's transaction. */
  remove(documentId: string, locale: string): Promise<unknown>;
}

/**
 * Keeps a variant index in step with the article writes: publish (and create/update with status
 * 'published') indexes every touched variant after the write succeeded, as the document's own
 * state is what it indexes; unpublish and delete remove the variants in one transaction with
 * the write, so a crash or an error in between leaves neither a gone article with live index
 * rows nor a half clean-up.
 */
export function variantIndexMiddleware(strapi: Core.Strapi, indexer: VariantIndexer): Middleware {
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
