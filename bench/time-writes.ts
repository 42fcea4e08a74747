/**
 * `npm run bench:writes -- --sqlite FILE` (or `--postgres DATABASE`): times create-and-publish
 * requests against a corpus that already exists (one made by `node -r esbuild-register
 * bench/corpus/generate.ts --articles 100000`), ours and, with --plain, plain Strapi's. For
 * working on the write path without regenerating a corpus each time; the creates stay in the
 * database. `npm run bench` remains the measurement of record.
 *
 *   --writes N    timed creates (default 40, after 3 untimed)
 *   --plain       also time the same payloads with NOVINAR_WRITE_MIDDLEWARES=false
 *   --news PATH   recombine real paragraphs from a news.jsonl for the payload text
 */
import knexFactory from 'knex';
import type { DbTarget } from './corpus/corpus-db';
import { loadTextSource } from './corpus/text-source';
import { parseArgs } from 'node:util';
import { positiveInt } from './lib/args';
import { compileApp, databaseEnv, freePort, makeSecrets, startServer } from './lib/server-process';
import { timeCreates, writePayloads, type WriteResult } from './lib/writes';

/** Document ids of the taxonomy and cover ids the payloads link to, read from the corpus. */
async function readRefs(target: DbTarget) {
  const env = databaseEnv(target);
  const knex =
    target.client === 'sqlite'
      ? knexFactory({ client: 'better-sqlite3', connection: { filename: target.filename }, useNullAsDefault: true })
      : knexFactory({
          client: 'pg',
          connection: {
            host: env.DATABASE_HOST,
            port: Number(env.DATABASE_PORT),
            user: env.DATABASE_USERNAME,
            password: env.DATABASE_PASSWORD,
            database: env.DATABASE_NAME,
          },
        });
  try {
    const ids = async (table: string) =>
      ((await knex(table).distinct('document_id').where({ locale: 'bg' })) as Array<{ document_id: string }>).map((row) => row.document_id);
    const covers = ((await knex('files').select('id').limit(50)) as Array<{ id: number }>).map((row) => row.id);
    return { tags: await ids('tags'), sections: await ids('sections'), agencies: await ids('source_agencies'), covers };
  } finally {
    await knex.destroy();
  }
}

const describe = (name: string, result: WriteResult) =>
  `${name}: ${result.creates} creates, p50 ${Math.round(result.p50)} ms, p95 ${Math.round(result.p95)} ms, mean ${Math.round(result.mean)} ms, ${result.failures} failed${result.problem ? ` (${result.problem.slice(0, 200)})` : ''}`;

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      sqlite: { type: 'string' },
      postgres: { type: 'string' },
      writes: { type: 'string' },
      plain: { type: 'boolean', default: false },
      news: { type: 'string' },
    },
  });
  const { sqlite, postgres } = args;
  const target: DbTarget =
    typeof sqlite === 'string'
      ? { client: 'sqlite', filename: sqlite }
      : typeof postgres === 'string'
        ? { client: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', password: '', database: postgres }
        : (() => {
            throw new Error('give --sqlite FILE or --postgres DATABASE');
          })();
  const writes = positiveInt(args.writes, 'writes') ?? 40;
  await compileApp();
  const payloads = writePayloads(loadTextSource(args.news), await readRefs(target), writes + 3);
  // Fresh titles per run: a run against the same corpus again must not collide on slugs only.
  const stamp = Date.now().toString(36);
  const unique = payloads.map((payload) => ({ ...payload, body: payload.body.replace('"title":"', `"title":"${stamp} `) }));
  for (const writeMiddlewares of args.plain ? [true, false] : [true]) {
    const server = await startServer({ db: target, port: await freePort(), responseCache: true, writeMiddlewares, createToken: true, secrets: makeSecrets() });
    try {
      const result = await timeCreates(server.baseUrl, server.token ?? '', unique, { warmup: 3, budgetSeconds: 600 });
      process.stdout.write(`${describe(writeMiddlewares ? 'ours' : 'plain Strapi', result)}; server RSS ${Math.round(server.rssMb() ?? 0)} MB\n`);
    } finally {
      await server.stop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
