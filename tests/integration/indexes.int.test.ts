import type { Knex } from 'knex';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ SEED_DEMO: 'false' });
});

afterAll(async () => {
  await app?.close();
});

const isPostgres = () => ['pg', 'postgres', 'postgresql'].includes(String(app.strapi.db.connection.client.config.client));

async function indexNames(): Promise<string[]> {
  const knex = app.strapi.db.connection;
  if (isPostgres()) {
    const { rows } = await knex.raw('SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()');
    return rows.map((row: { name: string }) => row.name);
  }
  const rows = await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index'");
  return rows.map((row: { name: string }) => row.name);
}

test('bootstrap creates the public-API indexes on a fresh database, idempotently', async () => {
  const { PUBLIC_API_INDEXES, ensurePublicApiIndexes } = require('../../dist/src/database/indexes') as typeof import('../../src/database/indexes');
  const names = await indexNames();
  for (const index of PUBLIC_API_INDEXES) expect(names).toContain(index.name);
  await ensurePublicApiIndexes(app.strapi.db.connection);
  expect((await indexNames()).sort()).toEqual(names.sort());
});

interface CapturedQuery {
  sql: string;
  bindings: readonly Knex.RawBinding[];
}

/**
 * The SQL the app itself runs for a request (knex's query event), so that the plans below are
 * those of the app's own queries, not of a copy typed into the test that could drift from them.
 */
async function appQuery(path: string, match: RegExp): Promise<CapturedQuery> {
  const knex = app.strapi.db.connection;
  const seen: CapturedQuery[] = [];
  const listen = (query: { sql: string; bindings?: Knex.RawBinding[] }) => seen.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex.on('query', listen);
  try {
    await request(app.server).get(path);
  } finally {
    knex.off('query', listen);
  }
  const found = seen.find((query) => match.test(query.sql));
  if (!found) throw new Error(`no query matching ${match} among the ${seen.length} that ${path} ran:\n${seen.map((query) => query.sql).join('\n')}`);
  return found;
}

/** The plan of a captured query; on PostgreSQL with scans and sorts priced out, to see which index the planner can use. */
async function planOf(query: CapturedQuery, options: { noSort?: boolean } = {}): Promise<string> {
  const knex = app.strapi.db.connection;
  // knex reports PostgreSQL queries with $n placeholders; knex.raw binds ? ones.
  const sql = query.sql.replace(/\$\d+/g, '?');
  if (isPostgres()) {
    return JSON.stringify(
      await knex.transaction(async (trx) => {
        // An empty table is cheaper to scan: forbid that inside one transaction to see the planner's index choice.
        await trx.raw('SET LOCAL enable_seqscan = off');
        if (options.noSort) await trx.raw('SET LOCAL enable_sort = off');
        return (await trx.raw(`EXPLAIN ${sql}`, query.bindings)).rows;
      }),
    );
  }
  return JSON.stringify(await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, query.bindings));
}

test('the by-slug lookup uses the slug index', async () => {
  const query = await appQuery('/api/articles/by-slug/nyama-takava-statiya?locale=bg', /\barticles\b[\s\S]*\bslug\b/i);
  const plan = await planOf(query);
  // On empty tables the planner picks between equally cheap indexes; it must not need a scan.
  if (isPostgres()) expect(plan).toMatch(/Index (Only )?Scan using novinar_articles_/);
  else expect(plan).toMatch(/novinar_articles_slug_locale_pub_idx/);
});

test('the newest-first list of published articles walks the date index instead of sorting every row', async () => {
  // What the Document Service runs for a newest-first public list (published rows of one locale, embargo filter).
  const query = await appQuery(
    '/api/articles?locale=bg&sort=publicationDate:desc&pagination[pageSize]=10',
    /\barticles\b[\s\S]*order by[\s\S]*publication_date/i,
  );
  const plan = await planOf(query, { noSort: true });
  expect(plan).toMatch(/novinar_articles_published_date_idx/);
  if (!isPostgres()) expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
});

test('the breaking feed walks the flag index in date order; the clock of flag ends reads one index entry', async () => {
  const knex = app.strapi.db.connection;
  const feed =
    'SELECT id FROM articles WHERE published_at IS NOT NULL AND locale = ? AND breaking = ? AND (breaking_until IS NULL OR breaking_until > ?) AND (publication_date IS NULL OR publication_date <= ?) ' +
    'ORDER BY publication_date DESC, document_id DESC, id ASC LIMIT 11';
  const clock =
    'SELECT breaking_until FROM articles WHERE published_at IS NOT NULL AND breaking = ? AND breaking_until > ? ORDER BY breaking_until ASC LIMIT 1';
  if (isPostgres()) {
    const plans = await knex.transaction(async (trx) => {
      await trx.raw('SET LOCAL enable_seqscan = off');
      await trx.raw('SET LOCAL enable_sort = off');
      return [(await trx.raw(`EXPLAIN ${feed}`, ['bg', true, new Date(), new Date()])).rows, (await trx.raw(`EXPLAIN ${clock}`, [true, new Date()])).rows];
    });
    // On empty tables PostgreSQL picks between equally cheap indexes (the flag index or the
    // published-date one with the flag as a filter); neither plan may scan or sort the table.
    for (const plan of plans.map((rows) => JSON.stringify(rows))) {
      expect(plan).toMatch(/Index (Only )?Scan (Backward )?using novinar_articles_/);
      expect(plan).not.toMatch(/Seq Scan|"\s*->\s*Sort /);
    }
  } else {
    const feedPlan = JSON.stringify(await knex.raw(`EXPLAIN QUERY PLAN ${feed}`, ['bg', 1, Date.now(), Date.now()]));
    expect(feedPlan).toMatch(/novinar_articles_breaking_date_idx/);
    expect(feedPlan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(JSON.stringify(await knex.raw(`EXPLAIN QUERY PLAN ${clock}`, [1, Date.now()]))).toMatch(/novinar_articles_breaking_until_idx/);
  }
});
