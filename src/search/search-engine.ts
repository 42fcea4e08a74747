import type { Knex } from 'knex';
import { fts5Match, tsqueryLiteral, tsvectorLiteral, type QueryWord } from '../domain/search';
import { rowsOf } from '../database/sql';

/**
 * The search index behind one interface, an engine per database (docs/search.md tells how an
 * OpenSearch engine would take the same place):
 * - SQLite: an FTS5 table (better-sqlite3 is built with FTS5) over our analysed terms, ranked by
 *   bm25 with the title weighted above the lede above the body.
 * - PostgreSQL: a tsvector column with a GIN index, written as a tsvector literal of our terms
 *   (no text search configuration in between: PostgreSQL has no Bulgarian one, and 'simple'
 *   parsing would split the `_` of Latin keys), ranked by ts_rank with the same weights.
 * Both keep the text the snippets are cut from in `novinar_search_docs`. Index rows exist for
 * every published variant, embargoed ones included: who may see a story is decided at read time,
 * by joining the articles table under the release rule (src/visibility), so an embargo ends
 * without an index write and an index row left behind never shows anything.
 */
export const SEARCH_DOCS = 'novinar_search_docs';
export const SEARCH_FTS = 'novinar_search_fts';

type Db = Knex | Knex.Transaction;

export interface SearchDocument {
  documentId: string;
  locale: string;
  publicationMs: number;
  title: string;
  lede: string;
  body: string;
  terms: { title: string[]; lede: string[]; body: string[] };
}

/** The part of a query the engine runs: articles rows `a` already restricted by the caller (`restrict`). */
export interface EngineQuery {
  words: readonly QueryWord[];
  /** Match any word instead of every word. */
  any: boolean;
  locale: string;
  at: Date;
  recency: { boost: number; halfLifeDays: number };
  limit: number;
  offset: number;
  /** Adds the visibility rule and filters on the joined article rows (alias `a`). */
  restrict(query: Knex.QueryBuilder): Knex.QueryBuilder;
  articlesTable: string;
}

/**
 * The ranked page of matches, as a subquery for the caller to join its columns to: one row per
 * hit with `doc_id` (its `novinar_search_docs` row), `article_id` (its public article row),
 * `document_id`, `publication_ms`, `score`, and `total`, the number of every match (a window
 * count, computed before the page is cut, so the total costs no statement of its own).
 */
export type RankedPage = Knex.QueryBuilder;

/** Rows to insert for one document with a given id, by table (bulk loads such as the benchmark corpus). */
export type IndexRows = Array<{ table: string; row: Record<string, string | number> }>;

export interface SearchEngine {
  name: 'sqlite-fts5' | 'postgres-tsvector';
  indexRows(doc: SearchDocument, id: number): IndexRows;
  ensureTables(db: Db): Promise<void>;
  save(db: Db, doc: SearchDocument): Promise<void>;
  remove(db: Db, documentId: string, locale: string): Promise<void>;
  rankedPage(db: Db, query: EngineQuery): RankedPage;
}

/** Title counts 4×, lede 2×, body 1× (bm25 column weights; ts_rank weights D, C, B, A below). */
const BM25_WEIGHTS = '4.0, 2.0, 1.0';
const TS_RANK_WEIGHTS = '{0.25, 0.25, 0.5, 1.0}';
const DAY_MS = 86_400_000;

export const isPostgres = (db: Db): boolean => ['postgres', 'pg'].includes(String(db.client.config.client));

async function ensureDocsTable(db: Db, extra: (table: Knex.CreateTableBuilder) => void): Promise<void> {
  if (await db.schema.hasTable(SEARCH_DOCS)) return;
  await db.schema.createTable(SEARCH_DOCS, (table) => {
    table.increments('id');
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.bigInteger('publication_ms').notNullable();
    table.text('title').notNullable();
    table.text('lede').notNullable();
    table.text('body').notNullable();
    table.unique(['document_id', 'locale'], { indexName: 'novinar_search_docs_doc_idx' });
    extra(table);
  });
}

function docsRow(doc: SearchDocument, id: number): Record<string, string | number> {
  return { id, document_id: doc.documentId, locale: doc.locale, publication_ms: doc.publicationMs, title: doc.title, lede: doc.lede, body: doc.body };
}

const tsvectorOf = (doc: SearchDocument): string =>
  tsvectorLiteral([
    { terms: doc.terms.title, weight: 'A' },
    { terms: doc.terms.lede, weight: 'B' },
    { terms: doc.terms.body, weight: 'D' },
  ]);

/** The recency factor of domain/search/recency.ts in SQL, over the row's `publication_ms`. */
function recencySql(query: EngineQuery): { sql: string; bindings: number[] } {
  const age = `(CASE WHEN ? > d.publication_ms THEN (? - d.publication_ms) / ${DAY_MS}.0 ELSE 0 END)`;
  return {
    sql: `(1 + ? * (? / (? + ${age})))`,
    bindings: [query.recency.boost, query.recency.halfLifeDays, query.recency.halfLifeDays, query.at.getTime(), query.at.getTime()],
  };
}

function joinArticles(db: Db, from: Knex.QueryBuilder, query: EngineQuery): Knex.QueryBuilder {
  return query
    .restrict(
      from.join(`${query.articlesTable} as a`, function articleRow() {
        this.on('a.document_id', '=', 'd.document_id').andOn('a.locale', '=', 'd.locale');
      }),
    )
    .where('d.locale', query.locale);
}

function rankedPage(db: Db, base: Knex.QueryBuilder, scoreSql: string, bindings: unknown[], query: EngineQuery): RankedPage {
  // Scored in a subquery of its own: FTS5's bm25() cannot be called in a query with a window function.
  const matches = base
    .select({ doc_id: 'd.id', article_id: 'a.id', document_id: 'd.document_id', publication_ms: 'd.publication_ms' })
    .select(db.raw(`${scoreSql} AS score`, bindings as Knex.RawBinding[]));
  return db
    .from(matches.as('m'))
    .select('m.*', db.raw('count(*) OVER () AS total'))
    .orderBy([
      { column: 'm.score', order: 'desc' },
      { column: 'm.publication_ms', order: 'desc' },
      { column: 'm.document_id', order: 'asc' },
    ])
    .limit(query.limit)
    .offset(query.offset);
}

export const sqliteEngine: SearchEngine = {
  name: 'sqlite-fts5',
  indexRows(doc, id) {
    return [
      { table: SEARCH_DOCS, row: docsRow(doc, id) },
      { table: SEARCH_FTS, row: { rowid: id, title: doc.terms.title.join(' '), lede: doc.terms.lede.join(' '), body: doc.terms.body.join(' ') } },
    ];
  },
  async ensureTables(db) {
    await ensureDocsTable(db, () => undefined);
    // Our terms are already analysed: the tokenizer only splits them at spaces. Diacritics stay
    // (remove_diacritics 1 would turn „й“ into „и“) and `_` is part of a Latin key.
    await db.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_FTS} USING fts5(title, lede, body, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'")`);
  },
  async save(db, doc) {
    await this.remove(db, doc.documentId, doc.locale);
    const [row] = (await db(SEARCH_DOCS)
      .insert({ document_id: doc.documentId, locale: doc.locale, publication_ms: doc.publicationMs, title: doc.title, lede: doc.lede, body: doc.body })
      .returning('id')) as Array<{ id: number } | number>;
    const id = typeof row === 'object' ? row.id : row;
    await db.raw(`INSERT INTO ${SEARCH_FTS} (rowid, title, lede, body) VALUES (?, ?, ?, ?)`, [
      id as number,
      doc.terms.title.join(' '),
      doc.terms.lede.join(' '),
      doc.terms.body.join(' '),
    ]);
  },
  async remove(db, documentId, locale) {
    const rows = (await db(SEARCH_DOCS).where({ document_id: documentId, locale }).select('id')) as Array<{ id: number }>;
    if (rows.length === 0) return;
    const ids = rows.map((row) => row.id);
    await db.raw(`DELETE FROM ${SEARCH_FTS} WHERE rowid IN (${ids.map(() => '?').join(', ')})`, ids);
    await db(SEARCH_DOCS).whereIn('id', ids).delete();
  },
  rankedPage(db, query) {
    const match = fts5Match(query.words, query.any);
    const base = joinArticles(db, db(SEARCH_FTS).join(`${SEARCH_DOCS} as d`, 'd.id', `${SEARCH_FTS}.rowid`), query).whereRaw(`${SEARCH_FTS} MATCH ?`, [match]);
    const recency = recencySql(query);
    return rankedPage(db, base, `(-bm25(${SEARCH_FTS}, ${BM25_WEIGHTS})) * ${recency.sql}`, recency.bindings, query);
  },
};

export const postgresEngine: SearchEngine = {
  name: 'postgres-tsvector',
  indexRows(doc, id) {
    return [{ table: SEARCH_DOCS, row: { ...docsRow(doc, id), terms: tsvectorOf(doc) } }];
  },
  async ensureTables(db) {
    await ensureDocsTable(db, (table) => table.specificType('terms', 'tsvector').notNullable());
    await db.raw(`CREATE INDEX IF NOT EXISTS novinar_search_docs_terms_idx ON ${SEARCH_DOCS} USING GIN (terms)`);
  },
  async save(db, doc) {
    const terms = tsvectorOf(doc);
    await db.raw(
      `INSERT INTO ${SEARCH_DOCS} (document_id, locale, publication_ms, title, lede, body, terms) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS tsvector))
       ON CONFLICT (document_id, locale) DO UPDATE SET publication_ms = EXCLUDED.publication_ms, title = EXCLUDED.title, lede = EXCLUDED.lede, body = EXCLUDED.body, terms = EXCLUDED.terms`,
      [doc.documentId, doc.locale, doc.publicationMs, doc.title, doc.lede, doc.body, terms],
    );
  },
  async remove(db, documentId, locale) {
    await db(SEARCH_DOCS).where({ document_id: documentId, locale }).delete();
  },
  rankedPage(db, query) {
    const tsquery = tsqueryLiteral(query.words, query.any);
    const base = joinArticles(db, db(`${SEARCH_DOCS} as d`), query).whereRaw('d.terms @@ CAST(? AS tsquery)', [tsquery]);
    const recency = recencySql(query);
    return rankedPage(db, base, `ts_rank('${TS_RANK_WEIGHTS}', d.terms, CAST(? AS tsquery), 1) * ${recency.sql}`, [tsquery, ...recency.bindings], query);
  },
};

export function searchEngineFor(db: Db): SearchEngine {
  return isPostgres(db) ? postgresEngine : sqliteEngine;
}

export function searchEngineForClient(client: 'sqlite' | 'postgres'): SearchEngine {
  return client === 'postgres' ? postgresEngine : sqliteEngine;
}

/** Index rows of one locale (or all), as variant keys' parts: the doctor compares them with the articles. */
export async function indexedVariants(db: Db): Promise<Array<{ documentId: string; locale: string }>> {
  return rowsOf<{ documentId: string; locale: string }>(await db(SEARCH_DOCS).select({ documentId: 'document_id', locale: 'locale' }));
}
