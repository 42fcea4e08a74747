/**
 * Bulk writes into the app's tables, through knex, on SQLite or PostgreSQL.
 *
 * Row-by-row ORM inserts would take hours for 100,000 articles, so batches go in as:
 * - SQLite: one transaction per batch, a prepared INSERT per table run once per row on the
 *   connection knex opened (better-sqlite3 is synchronous: no round trips), with
 *   journal_mode=WAL and synchronous=OFF while generating (restored at the end);
 * - PostgreSQL: one transaction per batch, `INSERT … SELECT * FROM unnest($1::type[], …)`
 *   per table and chunk (one array parameter per column), then the id sequences are moved
 *   past the ids written here and the tables are analysed.
 */
import type BetterSqlite3 from 'better-sqlite3';
import knexFactory, { type Knex } from 'knex';

export type DbClient = 'sqlite' | 'postgres';
export type CellValue = string | number | boolean | Date | null;
export type Row = Record<string, CellValue>;
/** Rows to write per table, in insertion order (tables in the order given). */
export type Batch = Map<string, Row[]>;

export interface SqliteTarget {
  client: 'sqlite';
  filename: string;
}
export interface PostgresTarget {
  client: 'postgres';
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}
export type DbTarget = SqliteTarget | PostgresTarget;

export interface CorpusDb {
  client: DbClient;
  knex: Knex;
  maxId(table: string): Promise<number>;
  write(batch: Batch): Promise<void>;
  /** Tables whose ids were written explicitly (PostgreSQL sequences are moved past them). */
  finish(tablesWithIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function knexFor(target: DbTarget): Knex {
  if (target.client === 'sqlite') {
    return knexFactory({ client: 'better-sqlite3', connection: { filename: target.filename }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  }
  const { host, port, user, password, database } = target;
  return knexFactory({ client: 'pg', connection: { host, port, user, password, database }, pool: { min: 1, max: 2 } });
}

async function maxIdOf(knex: Knex, table: string): Promise<number> {
  const row = (await knex(table).max({ max: 'id' }).first()) as { max: number | string | null } | undefined;
  return Number(row?.max ?? 0);
}

// ---- SQLite -----------------------------------------------------------------------------

const sqliteValue = (value: CellValue | undefined): string | number | null => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
};

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function openSqlite(target: SqliteTarget): Promise<CorpusDb> {
  const knex = knexFor(target);
  // knex's client type has no acquireConnection signature for a specific driver: this is the better-sqlite3 Database it opened.
  const connection = (await (knex.client as { acquireConnection(): Promise<unknown> }).acquireConnection()) as BetterSqlite3.Database;
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = OFF');
  // Index pages of the big tables (related terms, links) stay in memory while generating.
  connection.pragma('cache_size = -1048576');
  connection.pragma('temp_store = MEMORY');
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (table: string, columns: readonly string[]): BetterSqlite3.Statement => {
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (!statement) {
      statement = connection.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      statements.set(key, statement);
    }
    return statement;
  };
  const writeBatch = connection.transaction((batch: Batch) => {
    for (const [table, rows] of batch) {
      const first = rows[0];
      if (!first) continue;
      const columns = Object.keys(first);
      const statement = statementFor(table, columns);
      for (const row of rows) statement.run(columns.map((column) => sqliteValue(row[column])));
    }
  });
  return {
    client: 'sqlite',
    knex,
    // knex's only pooled connection is held here: read through it.
    maxId: async (table) => Number((connection.prepare(`SELECT MAX(id) AS max FROM ${quote(table)}`).get() as { max: number | null }).max ?? 0),
    async write(batch) {
      writeBatch(batch);
    },
    async finish() {
      connection.pragma('wal_checkpoint(TRUNCATE)');
      // Leave the file as Strapi would have it: rollback journal, default durability.
      connection.pragma('journal_mode = DELETE');
      connection.pragma('synchronous = FULL');
    },
    async close() {
      await (knex.client as { releaseConnection(connection: unknown): Promise<void> }).releaseConnection(connection);
      await knex.destroy();
    },
  };
}

// ---- PostgreSQL -------------------------------------------------------------------------

/** One element of a PostgreSQL array literal. */
function arrayElement(value: CellValue | undefined): string {
  if (value === undefined || value === null) return 'NULL';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const arrayLiteral = (values: ReadonlyArray<CellValue | undefined>): string => `{${values.map(arrayElement).join(',')}}`;

/** Rows per INSERT so one statement stays around 8 MB of parameters. */
function chunkSize(rows: readonly Row[]): number {
  const sample = rows.slice(0, 20);
  const perRow = Math.max(1, sample.reduce((sum, row) => sum + JSON.stringify(row).length, 0) / Math.max(1, sample.length));
  return Math.max(50, Math.min(20_000, Math.floor(8_000_000 / perRow)));
}

async function openPostgres(target: PostgresTarget): Promise<CorpusDb> {
  const knex = knexFor(target);
  const types = new Map<string, Map<string, string>>();
  const typesOf = async (table: string): Promise<Map<string, string>> => {
    let columns = types.get(table);
    if (!columns) {
      const rows = (await knex('information_schema.columns')
        .select('column_name', 'udt_name')
        .where({ table_name: table })
        .andWhereRaw('table_schema = current_schema()')) as Array<{ column_name: string; udt_name: string }>;
      columns = new Map(rows.map((row) => [row.column_name, row.udt_name]));
      types.set(table, columns);
    }
    return columns;
  };
  const insertChunk = async (trx: Knex.Transaction, table: string, columns: readonly string[], rows: readonly Row[]) => {
    const columnTypes = await typesOf(table);
    const casts = columns.map((column) => {
      const type = columnTypes.get(column);
      if (!type) throw new Error(`${table}.${column}: no such column (has the app's schema changed?)`);
      return `?::${type}[]`;
    });
    const bindings = columns.map((column) => arrayLiteral(rows.map((row) => row[column])));
    await trx.raw(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`, bindings);
  };
  return {
    client: 'postgres',
    knex,
    maxId: (table) => maxIdOf(knex, table),
    async write(batch) {
      await knex.transaction(async (trx) => {
        for (const [table, rows] of batch) {
          const first = rows[0];
          if (!first) continue;
          const columns = Object.keys(first);
          const size = chunkSize(rows);
          for (let i = 0; i < rows.length; i += size) await insertChunk(trx, table, columns, rows.slice(i, i + size));
        }
      });
    },
    async finish(tablesWithIds) {
      for (const table of tablesWithIds) {
        await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST((SELECT MAX(id) FROM ${quote(table)}), 1))`, [table]);
      }
      // What autovacuum would do shortly after such a load: give the planner statistics.
      await knex.raw('ANALYZE');
    },
    async close() {
      await knex.destroy();
    },
  };
}

export function openCorpusDb(target: DbTarget): Promise<CorpusDb> {
  return target.client === 'sqlite' ? openSqlite(target) : openPostgres(target);
}
