import type { Core } from '@strapi/strapi';
import { ARTICLE, COMMENT } from '../uids';
import { withReader } from '../database/reader';
import { readPrepared } from '../database/prepared';
import { tableOf } from '../database/sql';
import { wherePublicArticleForRequest } from '../visibility';

/** The comments table and its column names, from Strapi's metadata. */
function commentTable(strapi: Core.Strapi) {
  const meta = strapi.db.metadata.get(COMMENT);
  // Cast: Strapi's attribute metadata type leaves out joinTable/columnName, which the database layer sets.
  const column = (attribute: string) => (meta.attributes[attribute] as unknown as { columnName?: string }).columnName ?? attribute;
  return { meta, column };
}

/**
 * Approved comments per article documentId in one locale: one grouped COUNT for many articles,
 * answered from the (article_document_id, locale, moderation_status) index without reading the
 * comments themselves. Callers ask the comment service (`approvedCounts`, `approvedCount`),
 * which owns this answer.
 */
export async function countApprovedComments(strapi: Core.Strapi, documentIds: readonly string[], locale: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>(documentIds.map((documentId) => [documentId, 0]));
  if (documentIds.length === 0) return counts;
  const { meta, column } = commentTable(strapi);
  const articleColumn = column('articleDocumentId');
  const rows = (await withReader(strapi, (db) =>
    db(meta.tableName)
      .select({ documentId: articleColumn })
      .count({ count: '*' })
      .whereIn(articleColumn, [...documentIds])
      .andWhere(column('locale'), locale)
      .andWhere(column('moderationStatus'), 'approved')
      .groupBy(articleColumn),
  )) as Array<{ documentId: string; count: number | string }>;
  for (const row of rows) counts.set(row.documentId, Number(row.count));
  return counts;
}

/**
 * The same count as a correlated subquery for one article row (`alias` names the articles table
 * in the outer query), so a single-article read needs no second statement.
 */
export function approvedCountSql(strapi: Core.Strapi, alias: string): string {
  const { meta, column } = commentTable(strapi);
  return (
    `(SELECT COUNT(*) FROM ${meta.tableName} c WHERE c.${column('articleDocumentId')} = ${alias}.document_id ` +
    `AND c.${column('locale')} = ${alias}.locale AND c.${column('moderationStatus')} = 'approved')`
  );
}

/**
 * Approved comments of the published (and, for public requests, released) articles holding these
 * slugs in one locale, in one statement: the article rows by the slug index, each with its count
 * as a correlated subquery. Unknown and invisible slugs are left out.
 */
export async function countApprovedBySlugs(
  strapi: Core.Strapi,
  slugs: readonly string[],
  locale: string,
  limit: number,
): Promise<Array<{ slug: string; documentId: string; count: number }>> {
  if (slugs.length === 0) return [];
  const articles = tableOf(strapi, ARTICLE);
  const rows = (await withReader(strapi, (db) =>
    readPrepared(
      strapi,
      db,
      wherePublicArticleForRequest(
        strapi,
        db(`${articles} as a`)
          .where('a.locale', locale)
          .whereIn('a.slug', [...slugs]),
        'a',
      )
        .select({ slug: 'a.slug', documentId: 'a.document_id' }, db.raw(`${approvedCountSql(strapi, 'a')} AS count`))
        .orderBy('a.id', 'asc')
        .limit(limit),
    ),
  )) as Array<{ slug: string; documentId: string; count: number | string }>;
  return rows.map((row) => ({ slug: row.slug, documentId: row.documentId, count: Number(row.count) }));
}
