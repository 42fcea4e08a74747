/**
 * The related store's candidate query against the real database (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres), without booting Strapi: the rows one publish reads are bounded per
 * term (the postings nearest in time on each side), whatever the size of the posting list.
 */
import knexFactory, { type Knex } from 'knex';
import { createRelatedStore, ensureRelatedTables, LISTS, TERMS } from '../../src/related/related-store';
import type { RelatedFeatures } from '../../src/domain/related';
const { createTestDatabase, dropTestDatabase } = require('../helpers/test-database');

const DAY = 86_400_000;
const BASE = Date.parse('2026-06-01T08:00:00.000Z');

let db: { name: string; env: Record<string, string> };
let knex: Knex;

function connect(env: Record<string, string>): Knex {
  if (env.DATABASE_CLIENT === 'postgres') {
    return knexFactory({
      client: 'pg',
      connection: {
        host: env.DATABASE_HOST,
        port: Number(env.DATABASE_PORT),
        user: env.DATABASE_USERNAME,
        password: env.DATABASE_PASSWORD,
        database: env.DATABASE_NAME,
      },
    });
  }
  return knexFactory({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME as string }, useNullAsDefault: true });
}

const features = (documentId: string, dayOffset: number, terms: Array<[string, number]>): RelatedFeatures => ({
  documentId,
  locale: 'bg',
  publicationDate: new Date(BASE + dayOffset * DAY).toISOString(),
  tags: [],
  section: null,
  agency: null,
  terms: terms.map(([term, weight]) => ({ term, weight })),
  fingerprint: '',
});

async function save(doc: RelatedFeatures): Promise<void> {
  await createRelatedStore(knex).saveDoc({ features: doc, allTerms: doc.terms.map((term) => term.term) });
}

const window = (overrides: Partial<Parameters<ReturnType<typeof createRelatedStore>['candidates']>[1]> = {}) => ({
  since: new Date(BASE - 365 * DAY),
  until: new Date(BASE + 365 * DAY),
  limit: 50,
  queryTerms: 100,
  postingsPerTerm: 150,
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  knex = connect(db.env);
  await ensureRelatedTables(knex);
  // A frequent term shared by 21 stories, one a day from 10 days before to 10 days after the
  // target; a rare term only the target and the oldest story share.
  for (let day = -10; day <= 10; day += 1) {
    if (day === 0) continue;
    await save(
      features(
        `d${String(day + 20).padStart(2, '0')}`,
        day,
        day === -10
          ? [
              ['общ', 0.1],
              ['рядък', 0.9],
            ]
          : [['общ', 0.1]],
      ),
    );
  }
  await save({ ...features('en1', 1, [['общ', 0.1]]), locale: 'en' });
  await save(
    features('target', 0, [
      ['общ', 0.5],
      ['рядък', 0.5],
    ]),
  );
});

afterAll(async () => {
  await knex?.destroy();
  if (db) await dropTestDatabase(db);
});

describe('related store candidates', () => {
  const target = features('target', 0, [
    ['общ', 0.5],
    ['рядък', 0.5],
  ]);

  it('reads every posting when the lists are short, never the target or another locale', async () => {
    const ids = await createRelatedStore(knex).candidates(target, window());
    expect(ids).toHaveLength(20);
    expect(ids).not.toContain('target');
    expect(ids).not.toContain('en1');
    // The story sharing the rare term scores highest; the rest tie and are ordered by id.
    expect(ids[0]).toBe('d10');
    expect(ids.slice(1)).toEqual([...ids.slice(1)].sort());
  });

  it('reads at most postingsPerTerm postings per term on each side, the nearest in time', async () => {
    const ids = await createRelatedStore(knex).candidates(target, window({ postingsPerTerm: 3 }));
    // The frequent term gives the 3 nearest before (days -1..-3) and after (days 1..3), the
    // rare term the far-away story that shares it.
    expect([...ids].sort()).toEqual(['d10', 'd17', 'd18', 'd19', 'd21', 'd22', 'd23']);
    expect(ids[0]).toBe('d10');
  });

  it('keeps to the window and looks up only the strongest terms', async () => {
    const narrow = await createRelatedStore(knex).candidates(target, window({ since: new Date(BASE - 2 * DAY), until: new Date(BASE + 2 * DAY) }));
    expect([...narrow].sort()).toEqual(['d18', 'd19', 'd21', 'd22']);
    const strongest = await createRelatedStore(knex).candidates(
      {
        ...target,
        terms: [
          { term: 'рядък', weight: 0.9 },
          { term: 'общ', weight: 0.1 },
        ],
      },
      window({ queryTerms: 1 }),
    );
    expect(strongest).toEqual(['d10']);
    expect(await createRelatedStore(knex).candidates(target, window({ limit: 2 }))).toHaveLength(2);
  });

  it('has the (locale, term, publication_date) index on a fresh database, and the migration adds it (and relevance) to an older one', async () => {
    const indexNames = async () =>
      (db.env.DATABASE_CLIENT === 'postgres'
        ? ((await knex.raw('SELECT indexname AS name FROM pg_indexes WHERE tablename = ?', [TERMS])) as { rows: Array<{ name: string }> }).rows
        : ((await knex.raw(`PRAGMA index_list(${TERMS})`)) as Array<{ name: string }>)
      ).map((row) => row.name);
    expect(await indexNames()).toContain('novinar_related_terms_date_idx');
    // The shape an earlier version left: no date index, lists without relevance.
    await knex.raw('DROP INDEX novinar_related_terms_date_idx');
    await knex.schema.alterTable(LISTS, (table) => table.dropColumn('relevance'));
    const { up } = require('../../database/migrations/2026.12.02T00.00.00.related-index-upgrades.js') as { up(knex: Knex): Promise<void> };
    await knex.transaction((trx) => up(trx));
    expect(await indexNames()).toContain('novinar_related_terms_date_idx');
    expect(await knex.schema.hasColumn(LISTS, 'relevance')).toBe(true);
    await knex.transaction((trx) => up(trx));
  });

  it('reads each posting list through that index, in date order from the target (the store’s own candidate query)', async () => {
    // The SQL the store runs, caught from knex, not a copy of it.
    const queries: Array<{ sql: string; bindings: Knex.RawBinding[] }> = [];
    const listen = (query: { sql: string; bindings?: Knex.RawBinding[] }) => queries.push({ sql: query.sql, bindings: query.bindings ?? [] });
    knex.on('query', listen);
    try {
      await createRelatedStore(knex).candidates({ ...target, terms: [{ term: 'общ', weight: 0.5 }] }, window({ queryTerms: 1, postingsPerTerm: 60 }));
    } finally {
      knex.off('query', listen);
    }
    expect(queries).toHaveLength(1);
    const [{ sql, bindings }] = queries;
    if (db.env.DATABASE_CLIENT === 'postgres') {
      const plan = JSON.stringify(
        await knex.transaction(async (trx) => {
          await trx.raw('SET LOCAL enable_seqscan = off');
          // knex reports PostgreSQL queries with $n placeholders; knex.raw binds ? ones.
          return ((await trx.raw(`EXPLAIN ${sql.replace(/\$\d+/g, '?')}`, bindings)) as { rows: unknown[] }).rows;
        }),
      );
      // Both sides of the target date come off the index in the order they are limited by: no sort of a posting list.
      expect(plan).toMatch(/Index Scan Backward using novinar_related_terms_date_idx/);
      expect(plan).toMatch(/Index Scan using novinar_related_terms_date_idx/);
    } else {
      const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as Array<{ detail: string }>;
      const details = plan.map((row) => row.detail);
      expect(details.filter((detail) => /novinar_related_terms_date_idx/.test(detail))).toHaveLength(2);
      // Only the outer GROUP BY / ORDER BY score may use a temporary b-tree; the posting lists are read in index order.
      expect(details.filter((detail) => /TEMP B-TREE FOR ORDER BY/.test(detail)).length).toBeLessThanOrEqual(1);
    }
  });
});
