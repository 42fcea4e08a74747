import type { Core } from '@strapi/strapi';
import { createRelatedIndexer } from '../related/related-indexer';
import { syncTeaser, unpublishTeaser } from '../related/teaser-sync';
import { ARTICLE } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
interface Params { documentId?: string; locale?: string | string[] }

/** Locales an action touched: the one named, or every variant of the document for '*' / none. */
async function touchedLocales(strapi: Core.Strapi, documentId: string, locale: Params['locale']): Promise<string[]> {
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (Array.isArray(locale)) return locale;
  const rows = (await strapi.db.query(ARTICLE).findMany({ where: { documentId }, select: ['locale'] })) as Array<{ locale: string }>;
  return [...new Set(rows.map((row) => row.locale))];
}

/**
 * After an article variant is published, unpublished or deleted: keep its teaser in step and
 * the related-article index and lists current (see related-indexer.ts). Runs after the write
 * succeeded, as the document's own state is what it indexes.
 */
export function relatedIndexMiddleware(strapi: Core.Strapi): Middleware {
  const indexer = createRelatedIndexer(strapi);
  return async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as Params & { status?: string };
    // create/update with status 'published' publish internally, past the 'publish' middleware.
    const publishes = context.action === 'publish' || (['create', 'update'].includes(context.action) && params.status === 'published');
    const removes = context.action === 'unpublish' || context.action === 'delete';
    if (!publishes && !removes) return next();
    const before = params.documentId ? await touchedLocales(strapi, params.documentId, params.locale) : [];
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    const locales = before.length ? before : await touchedLocales(strapi, documentId, params.locale);
    for (const locale of locales) {
      if (publishes) {
        await syncTeaser(strapi, documentId, locale);
        await indexer.index(documentId, locale);
      } else {
        await unpublishTeaser(strapi, documentId, locale);
        await indexer.remove(documentId, locale);
      }
    }
    return result;
  };
}
