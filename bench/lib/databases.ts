/**
 * Fresh benchmark databases: a SQLite file under .tmp/bench, or a PostgreSQL database created
 * for the run (server from BENCH_PG_HOST/PORT/USER/PASSWORD, else TEST_PG_*, else
 * 127.0.0.1:5432 as postgres) and dropped afterwards unless --keep.
 */
import fs from 'fs';
import path from 'path';
import knexFactory from 'knex';
import type { DbClient, DbTarget, PostgresTarget } from '../corpus/corpus-db';
import { SCRATCH } from './paths';

const SQLITE_SUFFIXES = ['', '-wal', '-shm', '-journal'];

function pgServer(): Omit<PostgresTarget, 'database' | 'client'> {
  const env = process.env;
  return {
    host: env.BENCH_PG_HOST ?? env.TEST_PG_HOST ?? '127.0.0.1',
    port: Number(env.BENCH_PG_PORT ?? env.TEST_PG_PORT ?? 5432),
    user: env.BENCH_PG_USER ?? env.TEST_PG_USER ?? 'postgres',
    password: env.BENCH_PG_PASSWORD ?? env.TEST_PG_PASSWORD ?? '',
  };
}

async function withPgAdmin<T>(fn: (run: (sql: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const knex = knexFactory({ client: 'pg', connection: { ...pgServer(), database: 'postgres' }, pool: { min: 0, max: 1 } });
  try {
    return await fn((sql) => knex.raw(sql));
  } finally {
    await knex.destroy();
  }
}

export function databaseName(client: DbClient, articles: number): string {
  return `novinar_bench_${client}_${articles}_${process.pid}`.replace(/[^a-z0-9_]/g, '_');
}

export async function createDatabase(client: DbClient, articles: number): Promise<DbTarget> {
  const name = databaseName(client, articles);
  if (client === 'sqlite') {
    fs.mkdirSync(SCRATCH, { recursive: true });
    const filename = path.join(SCRATCH, `${name}.db`);
    for (const suffix of SQLITE_SUFFIXES) fs.rmSync(filename + suffix, { force: true });
    return { client: 'sqlite', filename };
  }
  await withPgAdmin((run) => run(`CREATE DATABASE "${name}"`));
  return { client: 'postgres', ...pgServer(), database: name };
}

export async function dropDatabase(target: DbTarget): Promise<void> {
  if (target.client === 'sqlite') {
    for (const suffix of SQLITE_SUFFIXES) fs.rmSync(target.filename + suffix, { force: true });
    return;
  }
  await withPgAdmin((run) => run(`DROP DATABASE IF EXISTS "${target.database}" WITH (FORCE)`));
}

export function describeDatabase(target: DbTarget): string {
  return target.client === 'sqlite' ? `SQLite ${path.relative(process.cwd(), target.filename)}` : `PostgreSQL ${target.host}:${target.port}/${target.database}`;
}

/** The size of the database on disk, in MB. */
export async function databaseSizeMb(target: DbTarget): Promise<number | null> {
  if (target.client === 'sqlite') {
    try {
      return fs.statSync(target.filename).size / 1024 / 1024;
    } catch {
      return null;
    }
  }
  const knex = knexFactory({ client: 'pg', connection: { ...pgServer(), database: target.database }, pool: { min: 0, max: 1 } });
  try {
    const result = (await knex.raw('SELECT pg_database_size(current_database()) AS size')) as { rows: Array<{ size: string }> };
    return Number(result.rows[0]?.size ?? 0) / 1024 / 1024;
  } finally {
    await knex.destroy();
  }
}
