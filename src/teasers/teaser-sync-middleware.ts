import type { Core } from '@strapi/strapi';
import { syncTeaser, takeDownTeaser, teaserOf } from './teaser-sync';
import { articleActionLocales } from '../articles/article-action-locales';
import { articlePublishes, articleGoesAway, type ArticleWriteParams } from '../articles/article-write-actions';
import { inTransaction } from '../database/transaction';
import { ARTICLE } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/**
 * After an article variant is published, unpublished or deleted: keep its teaser in step
 * (see teaser-sync.ts). An unpublish or delete runs in one transaction with the take-down; its
 * teaser is looked up before the write, while the article's rows still link to it.
 */
export function teaserSyncMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as ArticleWriteParams;
    if (articlePublishes(context.action, params)) {
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      for (const locale of await articleActionLocales(strapi, documentId, params.locale)) await syncTeaser(strapi, documentId, locale);
      return result;
    }
    const { documentId } = params;
    if (!articleGoesAway(context.action) || !documentId) return next();
    return inTransaction(strapi, async () => {
      const locales = await articleActionLocales(strapi, documentId, params.locale);
      const teasers = [];
      for (const locale of locales) teasers.push(await teaserOf(strapi, documentId, locale));
      const result = await next();
      for (const [i, locale] of locales.entries()) await takeDownTeaser(strapi, teasers[i], locale, context.action === 'delete');
      return result;
    });
  };
}
