import type { Core } from '@strapi/strapi';
import { createRelatedIndexer } from '../related/related-indexer';
import { syncTeaser, takeDownTeaser, teaserOf } from '../related/teaser-sync';
import { actionLocales } from '../domain/documents/action-locales';
import { DEFAULT_LOCALE } from '../bootstrap/locales';
import { inTransaction } from '../slugs/slug-registry';
import { ARTICLE } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
interface Params { documentId?: string; locale?: string | string[]; status?: string }

/** The locale variants an action works on (Strapi's own rule: none given = the default locale). */
export async function touchedLocales(strapi: Core.Strapi, documentId: string, locale: Params['locale']): Promise<string[]> {
  const existing = locale === '*' ? ((await strapi.db.query(ARTICLE).findMany({ where: { documentId }, select: ['locale'] })) as Array<{ locale: string }>) : [];
  return actionLocales(locale, DEFAULT_LOCALE, existing.map((row) => row.locale));
}

/**
 * After an article variant is published, unpublished or deleted: keep its teaser in step and
 * the related-article index and lists current (see related-indexer.ts). Runs after the write
 * succeeded, as the document's own state is what it indexes.
 *
 * An unpublish or delete runs in one transaction with its clean-up: a crash or an error in
 * between leaves neither a deleted article with live teaser, index and list rows, nor a half
 * clean-up. Its teaser is looked up before the write, while the article's rows still link to it.
 */
export function relatedIndexMiddleware(strapi: Core.Strapi): Middleware {
  const indexer = createRelatedIndexer(strapi);
  return async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as Params;
    // create/update with status 'published' publish internally, past the 'publish' middleware.
    const publishes = context.action === 'publish' || (['create', 'update'].includes(context.action) && params.status === 'published');
    const removes = context.action === 'unpublish' || context.action === 'delete';
    if (publishes) {
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      for (const locale of await touchedLocales(strapi, documentId, params.locale)) {
        await syncTeaser(strapi, documentId, locale);
        await indexer.index(documentId, locale);
      }
      return result;
    }
    const { documentId } = params;
    if (!removes || !documentId) return next();
    return inTransaction(strapi, async () => {
      const locales = await touchedLocales(strapi, documentId, params.locale);
      const teasers = [];
      for (const locale of locales) teasers.push(await teaserOf(strapi, documentId, locale));
      const result = await next();
      for (const [i, locale] of locales.entries()) {
        await takeDownTeaser(strapi, teasers[i], locale, context.action === 'delete');
        await indexer.remove(documentId, locale);
      }
      return result;
    });
  };
}
