import type { Core } from '@strapi/strapi';
import { withReader } from '../database/reader';
import { wherePublicArticleForRequest } from '../visibility';
import { ARTICLE } from '../uids';

export interface ArticleVariant {
  locale: string;
  slug: string;
}

/**
 * The public locale variants of a story (published, and released for the request being served),
 * read in one indexed statement on (document_id): what hreflang links and `localizations` list.
 * An unpublished or embargoed variant never shows, not even as a slug.
 */
export async function publicVariants(strapi: Core.Strapi, documentId: string): Promise<ArticleVariant[]> {
  const table = (strapi.db.metadata.get(ARTICLE as never) as unknown as { tableName: string }).tableName;
  return withReader(strapi, async (db) => {
    const rows = (await wherePublicArticleForRequest(strapi, db(`${table} as a`).where('a.document_id', documentId), 'a')
      .whereNotNull('a.slug')
      .orderBy('a.locale', 'asc')
      .select('a.locale', 'a.slug')) as ArticleVariant[];
    return rows.map((row) => ({ locale: row.locale, slug: row.slug }));
  });
}
