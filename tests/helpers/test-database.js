/**
 * Test databases: a SQLite file per suite and worker by default; with TEST_DATABASE=postgres a
 * freshly created PostgreSQL database per suite, dropped afterwards. Plain JS so the jest
 * global setup/teardown can use it without compiling.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const usePostgres = () => (process.env.TEST_DATABASE || 'sqlite') === 'postgres';

function adminConfig() {
  return {
    host: process.env.TEST_PG_HOST || '127.0.0.1',
    port: Number(process.env.TEST_PG_PORT || 5432),
    user: process.env.TEST_PG_USER || 'postgres',
    password: process.env.TEST_PG_PASSWORD || '',
    database: 'postgres',
  };
}

async function withAdmin(fn) {
  const { Client } = require('pg');
  const client = new Client(adminConfig());
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** Creates a fresh database and returns the env vars that point Strapi at it. */
async function createTestDatabase() {
  const run = process.env.NOVINAR_TEST_RUN || `local${process.pid}`;
  const name = `novinar_test_${run}_${process.env.JEST_WORKER_ID || '0'}_${process.pid}_${counter++}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (usePostgres()) {
    await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
    const cfg = adminConfig();
    return {
      name,
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: '',
        DATABASE_HOST: cfg.host,
        DATABASE_PORT: String(cfg.port),
        DATABASE_NAME: name,
        DATABASE_USERNAME: cfg.user,
        DATABASE_PASSWORD: cfg.password,
        DATABASE_POOL_MIN: '0',
      },
    };
  }
  const file = path.join(ROOT, '.tmp', 'test', `${name}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  return { name, env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file } };
}

async function dropTestDatabase(db) {
  if (db.env.DATABASE_CLIENT === 'postgres') {
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`));
  } else {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(db.env.DATABASE_FILENAME + suffix, { force: true });
  }
}

async function dropRunDatabases(run) {
  if (!usePostgres()) return;
  await withAdmin(async (client) => {
    const prefix = `novinar_test_${run}_`.toLowerCase();
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  });
}

module.exports = { createTestDatabase, dropTestDatabase, dropRunDatabases, usePostgres };
