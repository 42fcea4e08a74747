import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { withReader } from '../database/reader';
import { isoFromDb as iso, tableOf } from '../database/sql';
import type { TranslationState } from '../domain/translations/translation-status';
import { DEFAULT_LOCALE } from '../locales';
import { ARTICLE } from '../uids';

export interface TranslationStatusItem {
  documentId: string;
  title: string;
  slug: string | null;
  status: TranslationState;
  original: { locale: string; publishedAt: string | null; changedAt: string | null };
  translation: { locale: string; title: string; updatedAt: string | null; publishedAt: string | null } | null;
}

interface Row {
  document_id: string;
  title: string;
  slug: string | null;
  changed_at: unknown;
  state: TranslationState;
  t_id: number | null;
  t_title: string | null;
  t_updated_at: unknown;
}

/**
 * `translationState` (src/domain/translations/translation-status.ts) as a SQL expression over the
 * original's draft row `o` and the translation's draft row `t` (LEFT JOINed): missing without a
 * row, outdated when the original changed in substance (updatedDate, else publicationDate, else
 * updatedAt) after the translation was last saved. In SQL so that a status filter applies before
 * paging (it used to filter the page afterwards: totals and page counts were wrong). The
 * integration test checks it against the domain function row by row.
 */
const CHANGED_AT = 'COALESCE(o.updated_date, o.publication_date, o.updated_at)';
const STATE_SQL = `CASE WHEN t.id IS NULL THEN 'missing' WHEN ${CHANGED_AT} > t.updated_at THEN 'outdated' ELSE 'up-to-date' END`;

/**
 * Bulgarian originals (draft rows: every document has one) newest-edited first, each with the
 * state of its `locale` variant, optionally only those in one state; one page and the total.
 */
export async function readTranslationStatus(
  strapi: Core.Strapi,
  locale: string,
  page: number,
  pageSize: number,
  only?: TranslationState,
): Promise<{ items: TranslationStatusItem[]; total: number }> {
  const table = tableOf(strapi, ARTICLE);
  return withReader(strapi, async (db) => {
    const base = () => {
      const query = db(`${table} as o`)
        .leftJoin(`${table} as t`, function translationDraft() {
          void this.on('t.document_id', '=', 'o.document_id')
            .andOn('t.locale', '=', db.raw('?', [locale]))
            .andOnNull('t.published_at');
        })
        .where('o.locale', DEFAULT_LOCALE)
        .whereNull('o.published_at');
      return only ? query.whereRaw(`${STATE_SQL} = ?`, [only]) : query;
    };
    const [rows, counted] = await Promise.all([
      base()
        .select('o.document_id', 'o.title', 'o.slug', db.raw(`${CHANGED_AT} AS changed_at`), db.raw(`${STATE_SQL} AS state`), {
          t_id: 't.id',
          t_title: 't.title',
          t_updated_at: 't.updated_at',
        })
        .orderBy([
          { column: 'o.updated_at', order: 'desc' },
          { column: 'o.id', order: 'desc' },
        ])
        .offset((page - 1) * pageSize)
        .limit(pageSize) as Promise<Row[]>,
      base().count({ total: '*' }).first() as Promise<{ total: number | string } | undefined>,
    ]);
    const published = await publishedMoments(
      db,
      table,
      rows.map((row) => row.document_id),
      locale,
    );
    const items = rows.map((row): TranslationStatusItem => ({
      documentId: row.document_id,
      title: row.title,
      slug: row.slug,
      status: row.state,
      original: { locale: DEFAULT_LOCALE, publishedAt: published.get(`${DEFAULT_LOCALE}:${row.document_id}`) ?? null, changedAt: iso(row.changed_at) },
      translation:
        row.t_id !== null
          ? { locale, title: row.t_title ?? '', updatedAt: iso(row.t_updated_at), publishedAt: published.get(`${locale}:${row.document_id}`) ?? null }
          : null,
    }));
    return { items, total: Number(counted?.total ?? 0) };
  });
}

/** When the original and the translation of these documents were last published (by `locale:documentId`). */
async function publishedMoments(db: Knex | Knex.Transaction, table: string, documentIds: string[], locale: string): Promise<Map<string, string | null>> {
  if (documentIds.length === 0) return new Map();
  const rows = (await db(table)
    .whereIn('document_id', documentIds)
    .whereIn('locale', [locale, DEFAULT_LOCALE])
    .whereNotNull('published_at')
    .select('document_id', 'locale', 'published_at')) as Array<{ document_id: string; locale: string; published_at: unknown }>;
  return new Map(rows.map((row) => [`${row.locale}:${row.document_id}`, iso(row.published_at)]));
}
