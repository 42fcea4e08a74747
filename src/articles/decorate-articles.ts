import type { Core } from '@strapi/strapi';
import { COMMENT } from '../uids';
import { withDisplayDates } from './date-display';

type Entry = Record<string, unknown>;

/** Display dates and approved-comment counts on core article responses (one count query per locale). */
export async function decorateArticles(strapi: Core.Strapi, entries: Entry[]): Promise<Entry[]> {
  const byLocale = new Map<string, string[]>();
  for (const entry of entries) {
    const locale = String(entry.locale ?? 'bg');
    if (typeof entry.documentId === 'string') byLocale.set(locale, [...(byLocale.get(locale) ?? []), entry.documentId]);
  }
  const counts = new Map<string, number>();
  for (const [locale, documentIds] of byLocale) {
    for (const [documentId, count] of await strapi.service(COMMENT).approvedCounts(documentIds, locale)) counts.set(`${locale}:${documentId}`, count);
  }
  return entries.map((entry) => ({
    ...withDisplayDates(strapi, entry),
    commentCount: counts.get(`${String(entry.locale ?? 'bg')}:${String(entry.documentId)}`) ?? 0,
  }));
}
