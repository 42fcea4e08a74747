import { whereReleasedAt } from '../visibility';
import type { Knex } from 'knex';
import type { RelatedFeatures, WeightedTerm } from '../domain/related';
import { rowsOf } from '../database/sql';

/**
 * Tables behind related-article feeds (created at bootstrap; Strapi leaves tables it does not
 * know alone):
 * - related_docs: one row per published article variant with what scoring needs (stored so a
 *   write never re-reads and re-analyses other articles).
 * - related_terms: the inverted index, the top terms of each variant with their weights.
 * - related_df: document frequencies per locale and term (all distinct terms), for idf.
 * - related_lists: each variant's ranked computed list: a feed read is one indexed lookup.
 */
export const DOCS = 'novinar_related_docs';
export const TERMS = 'novinar_related_terms';
export const DF = 'novinar_related_df';
export const LISTS = 'novinar_related_lists';

type Db = Knex | Knex.Transaction;

/** First key of the related index's advisory locks (the second is the locale's hash). */
const INDEX_LOCK_NAMESPACE = 727_011;

const isPostgres = (db: Db): boolean => ['postgres', 'pg'].includes(String(db.client.config.client));

/** Bounds of one candidate query (see `candidates`). */
export interface CandidateWindow {
  since: Date;
  until: Date;
  /** How many candidates to return at most. */
  limit: number;
  /** The target's strongest terms that are looked up. */
  queryTerms: number;
  /** Postings read per term on each side of the target's date. */
  postingsPerTerm: number;
}

export async function ensureRelatedTables(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable(DOCS))) {
    await knex.schema.createTable(DOCS, (table) => {
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.timestamp('publication_date', { useTz: true }).notNullable();
      table.text('fingerprint').notNullable();
      table.text('terms').notNullable();
      table.text('all_terms').notNullable();
      table.text('tags').notNullable();
      table.string('section', 64);
      table.string('agency', 64);
      table.primary(['document_id', 'locale']);
      table.index(['locale', 'publication_date'], 'novinar_related_docs_date_idx');
    });
  }
  if (!(await knex.schema.hasTable(TERMS))) {
    await knex.schema.createTable(TERMS, (table) => {
      table.string('locale', 16).notNullable();
      table.string('term', 160).notNullable();
      table.string('document_id', 64).notNullable();
      table.double('weight').notNullable();
      table.timestamp('publication_date', { useTz: true }).notNullable();
      table.primary(['locale', 'term', 'document_id']);
      table.index(['document_id', 'locale'], 'novinar_related_terms_doc_idx');
      // The candidate query reads each term's postings nearest in time through it.
      table.index(['locale', 'term', 'publication_date'], 'novinar_related_terms_date_idx');
    });
  }
  if (!(await knex.schema.hasTable(DF))) {
    await knex.schema.createTable(DF, (table) => {
      table.string('locale', 16).notNullable();
      table.string('term', 160).notNullable();
      table.integer('df').notNullable();
      table.primary(['locale', 'term']);
    });
  }
  if (!(await knex.schema.hasTable(LISTS))) {
    await knex.schema.createTable(LISTS, (table) => {
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.integer('rank').notNullable();
      table.string('related_document_id', 64).notNullable();
      table.double('score').notNullable();
      table.double('relevance');
      table.primary(['document_id', 'locale', 'rank']);
      table.index(['related_document_id', 'locale'], 'novinar_related_lists_related_idx');
    });
  }
  // Tables made by earlier versions are brought up to date by database/migrations, which Strapi
  // runs before bootstrap: here only fresh databases get their tables, in the current shape.
}

interface DocRow {
  document_id: string;
  locale: string;
  publication_date: string | Date;
  fingerprint: string;
  terms: string;
  all_terms?: string;
  tags: string;
  section: string | null;
  agency: string | null;
}

const RANKING_COLUMNS = ['document_id', 'locale', 'publication_date', 'fingerprint', 'terms', 'tags', 'section', 'agency'];

/** One entry of a stored list; relevance is null on lists stored before it was kept. */
export interface ListEntry {
  documentId: string;
  score: number;
  relevance?: number | null;
}

export interface StoredDoc {
  features: RelatedFeatures;
  allTerms: string[];
}

const iso = (value: string | Date | number) => new Date(value).toISOString();

export function toStoredDoc(row: DocRow): StoredDoc {
  return {
    features: {
      documentId: row.document_id,
      locale: row.locale,
      publicationDate: iso(row.publication_date),
      tags: JSON.parse(row.tags) as string[],
      section: row.section,
      agency: row.agency,
      terms: JSON.parse(row.terms) as WeightedTerm[],
      fingerprint: row.fingerprint,
    },
    allTerms: JSON.parse(row.all_terms ?? '[]') as string[],
  };
}

export function createRelatedStore(db: Db) {
  return {
    async getDoc(documentId: string, locale: string): Promise<StoredDoc | null> {
      const row = (await db(DOCS).where({ document_id: documentId, locale }).first()) as DocRow | undefined;
      return row ? toStoredDoc(row) : null;
    },

    /** What ranking needs of many variants (without their full term lists, which only re-indexing reads). */
    async getDocs(documentIds: readonly string[], locale: string): Promise<StoredDoc[]> {
      if (documentIds.length === 0) return [];
      const rows: DocRow[] = [];
      for (let i = 0; i < documentIds.length; i += 500) {
        const chunk = documentIds.slice(i, i + 500);
        rows.push(...((await db(DOCS).select(RANKING_COLUMNS).where({ locale }).whereIn('document_id', chunk)) as DocRow[]));
      }
      return rows.map(toStoredDoc);
    },

    async countDocs(locale: string): Promise<number> {
      const [{ count }] = (await db(DOCS).where({ locale }).count({ count: '*' })) as Array<{ count: number | string }>;
      return Number(count);
    },

    async dfOf(locale: string, terms: readonly string[]): Promise<Map<string, number>> {
      const result = new Map<string, number>();
      for (let i = 0; i < terms.length; i += 500) {
        const rows = (await db(DF)
          .where({ locale })
          .whereIn('term', terms.slice(i, i + 500))) as Array<{ term: string; df: number }>;
        for (const row of rows) result.set(row.term, Number(row.df));
      }
      return result;
    },

    /**
     * Applies document-frequency changes (from `dfDeltas`, sorted by term) in one
     * `INSERT … ON CONFLICT DO UPDATE` per batch, so each row is locked once and every writer
     * locks rows in the same order; rows that reach zero are dropped afterwards.
     */
    async applyDf(locale: string, deltas: ReadonlyArray<readonly [term: string, delta: number]>): Promise<void> {
      for (let i = 0; i < deltas.length; i += 200) {
        const chunk = deltas.slice(i, i + 200);
        await db(DF)
          .insert(chunk.map(([term, delta]) => ({ locale, term, df: delta })))
          .onConflict(['locale', 'term'])
          .merge({ df: db.raw(`${DF}.df + excluded.df`) });
      }
      const lowered = deltas.filter(([, delta]) => delta < 0).map(([term]) => term);
      for (let i = 0; i < lowered.length; i += 500) {
        await db(DF)
          .where({ locale })
          .whereIn('term', lowered.slice(i, i + 500))
          .andWhere('df', '<=', 0)
          .delete();
      }
    },

    /**
     * Serialises the related-index writes of one locale on PostgreSQL (a transaction-scoped
     * advisory lock; SQLite serialises writers by itself). Re-ranking reads neighbours' lists
     * and writes them back: two concurrent writers (a publish offering itself to a list while
     * a delete repairs the same list) locked list rows in opposite orders, or one wrote back a
     * list still holding the story the other had just deleted. Taken first in the index's
     * transaction, before any index row is touched.
     */
    async lockLocale(locale: string): Promise<void> {
      if (!isPostgres(db)) return;
      await db.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [INDEX_LOCK_NAMESPACE, locale]);
    },

    async saveDoc(doc: StoredDoc): Promise<void> {
      const { features } = doc;
      await db(DOCS).where({ document_id: features.documentId, locale: features.locale }).delete();
      await db(DOCS).insert({
        document_id: features.documentId,
        locale: features.locale,
        publication_date: new Date(features.publicationDate),
        fingerprint: features.fingerprint,
        terms: JSON.stringify(features.terms),
        all_terms: JSON.stringify(doc.allTerms),
        tags: JSON.stringify(features.tags),
        section: features.section ?? null,
        agency: features.agency ?? null,
      });
      await db(TERMS).where({ document_id: features.documentId, locale: features.locale }).delete();
      const rows = features.terms.map((term) => ({
        locale: features.locale,
        term: term.term,
        document_id: features.documentId,
        weight: term.weight,
        publication_date: new Date(features.publicationDate),
      }));
      for (let i = 0; i < rows.length; i += 100) await db(TERMS).insert(rows.slice(i, i + 100));
    },

    async deleteDoc(documentId: string, locale: string): Promise<void> {
      await db(DOCS).where({ document_id: documentId, locale }).delete();
      await db(TERMS).where({ document_id: documentId, locale }).delete();
      await db(LISTS).where({ document_id: documentId, locale }).delete();
    },

    /**
     * Inverted-index candidates: variants of the locale within the window around the target
     * that share its top terms, ranked by the sum of weight products (deterministic tie-break).
     *
     * Rows read are bounded whatever the corpus size: each term contributes at most
     * `postingsPerTerm` postings on each side of the target's date, the ones nearest in time,
     * read through the (locale, term, publication_date) index. A frequent term's posting list
     * grows with the archive (with 100,000 articles some hold tens of thousands of rows), so an
     * unbounded join would scan a large share of the index on every publish.
     */
    async candidates(target: RelatedFeatures, window: CandidateWindow): Promise<string[]> {
      const terms = [...target.terms].sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1)).slice(0, window.queryTerms);
      if (terms.length === 0) return [];
      const perTerm = Math.max(1, Math.floor(window.postingsPerTerm));
      const at = new Date(target.publicationDate);
      const sideQuery = (alias: string, comparison: '<=' | '>', order: 'DESC' | 'ASC') =>
        `SELECT document_id, weight * CAST(? AS DOUBLE PRECISION) AS s FROM (SELECT document_id, weight FROM ${TERMS} ` +
        `WHERE locale = ? AND term = ? AND publication_date >= ? AND publication_date ${comparison} ? AND publication_date <= ? AND document_id <> ? ` +
        `ORDER BY publication_date ${order} LIMIT ${perTerm}) ${alias}`;
      const parts: string[] = [];
      const bindings: unknown[] = [];
      terms.forEach((term, i) => {
        parts.push(sideQuery(`b${i}`, '<=', 'DESC'), sideQuery(`a${i}`, '>', 'ASC'));
        const side = [term.weight, target.locale, term.term, window.since, at, window.until, target.documentId];
        bindings.push(...side, ...side);
      });
      const sql =
        `SELECT document_id, SUM(s) AS score FROM (${parts.join(' UNION ALL ')}) hits ` +
        `GROUP BY document_id ORDER BY score DESC, document_id ASC LIMIT ${Math.max(1, Math.floor(window.limit))}`;
      const result = (await db.raw(sql, bindings)) as unknown;
      const rows = rowsOf<{ document_id: string }>(result);
      return rows.map((row) => row.document_id);
    },

    async saveList(documentId: string, locale: string, ranked: readonly ListEntry[]): Promise<void> {
      await db(LISTS).where({ document_id: documentId, locale }).delete();
      if (ranked.length === 0) return;
      await db(LISTS).insert(
        ranked.map((item, rank) => ({
          document_id: documentId,
          locale,
          rank,
          related_document_id: item.documentId,
          score: item.score,
          relevance: item.relevance ?? null,
        })),
      );
    },

    async getLists(documentIds: readonly string[], locale: string): Promise<Map<string, ListEntry[]>> {
      const lists = new Map<string, ListEntry[]>();
      if (documentIds.length === 0) return lists;
      const rows = (await db(LISTS)
        .where({ locale })
        .whereIn('document_id', [...documentIds])
        .orderBy([{ column: 'document_id' }, { column: 'rank' }])) as Array<{
        document_id: string;
        related_document_id: string;
        score: number;
        relevance: number | null;
      }>;
      for (const row of rows) {
        const list = lists.get(row.document_id) ?? [];
        list.push({
          documentId: row.related_document_id,
          score: Number(row.score),
          relevance: row.relevance === null || row.relevance === undefined ? null : Number(row.relevance),
        });
        lists.set(row.document_id, list);
      }
      return lists;
    },

    /** Date and fingerprint of many variants: what re-ranking a stored list needs besides relevance. */
    async getStubs(documentIds: readonly string[], locale: string): Promise<Map<string, { publicationDate: string; fingerprint: string }>> {
      const stubs = new Map<string, { publicationDate: string; fingerprint: string }>();
      for (let i = 0; i < documentIds.length; i += 500) {
        const rows = (await db(DOCS)
          .select('document_id', 'publication_date', 'fingerprint')
          .where({ locale })
          .whereIn('document_id', documentIds.slice(i, i + 500))) as DocRow[];
        for (const row of rows) stubs.set(row.document_id, { publicationDate: iso(row.publication_date), fingerprint: row.fingerprint });
      }
      return stubs;
    },

    /** Variants whose lists contain a story: the neighbours to repair when it goes away. */
    async listsContaining(documentId: string, locale: string): Promise<string[]> {
      const rows = (await db(LISTS).distinct('document_id').where({ related_document_id: documentId, locale })) as Array<{ document_id: string }>;
      return rows.map((row) => row.document_id);
    },

    /** The feed read: the stored list of released stories, in rank order. */
    async readList(documentId: string, locale: string, releasedBy: Date, limit: number): Promise<string[]> {
      const query = db(LISTS)
        .select(`${LISTS}.related_document_id`)
        .join(DOCS, function joinDocs() {
          this.on(`${DOCS}.document_id`, '=', `${LISTS}.related_document_id`).andOn(`${DOCS}.locale`, '=', `${LISTS}.locale`);
        })
        .where(`${LISTS}.document_id`, documentId)
        .andWhere(`${LISTS}.locale`, locale);
      const rows = (await whereReleasedAt(query, `${DOCS}.publication_date`, releasedBy).orderBy(`${LISTS}.rank`, 'asc').limit(limit)) as Array<{
        related_document_id: string;
      }>;
      return rows.map((row) => row.related_document_id);
    },
  };
}

export type RelatedStore = ReturnType<typeof createRelatedStore>;
