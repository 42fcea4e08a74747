import type { Core } from '@strapi/strapi';
import { COMMENT } from '../uids';

/** Approved comments per article documentId in one locale: one grouped query for many articles. */
export async function countApprovedComments(strapi: Core.Strapi, documentIds: readonly string[], locale: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>(documentIds.map((documentId) => [documentId, 0]));
  if (documentIds.length === 0) return counts;
  const rows = await strapi.db.query(COMMENT).findMany({
    where: { articleDocumentId: { $in: [...documentIds] }, locale, moderationStatus: 'approved' },
    select: ['articleDocumentId'],
  });
  for (const row of rows as Array<{ articleDocumentId: string }>) {
    counts.set(row.articleDocumentId, (counts.get(row.articleDocumentId) ?? 0) + 1);
  }
  return counts;
}
