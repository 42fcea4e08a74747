/**
 * The server under test, run as a child process of bench/run.ts (never imported by it):
 * boots the compiled app (dist/, compiled by the runner), listens, optionally creates a
 * full-access API token for the write benchmark, and prints one line
 * `BENCH_READY {"port":…,"token":…}` on stdout. Ends cleanly on SIGTERM/SIGINT.
 *
 * All configuration comes from the environment the runner sets (database, secrets,
 * RESPONSE_CACHE, NOVINAR_WRITE_MIDDLEWARES, PORT…).
 */
import fs from 'fs';
import { Session } from 'inspector';
import { performance } from 'perf_hooks';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { READY_MARKER } from './lib/protocol';

const ROOT = path.resolve(__dirname, '..');

interface TokenService {
  create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
}

async function createFullAccessToken(strapi: Core.Strapi): Promise<string> {
  const service = strapi.service('admin::api-token') as unknown as TokenService;
  const token = await service.create({
    name: `bench-${Date.now()}`,
    description: 'created by bench/server.ts',
    type: 'full-access',
    kind: 'content-api',
    lifespan: null,
  });
  return token.accessKey;
}

/**
 * BENCH_CPU_PROFILE=FILE: profiles the server from ready to stop and writes a .cpuprofile
 * (open it in Chrome DevTools); NODE_OPTIONS cannot carry --cpu-prof.
 */
function startProfile(file: string | undefined): () => Promise<void> {
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  return () =>
    new Promise((resolve) => {
      session.post('Profiler.stop', (error, result) => {
        if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
        session.disconnect();
        resolve();
      });
    });
}

/** BENCH_SLOW_QUERY_MS=N: prints every SQL statement that took N ms or more to stderr. */
function logSlowQueries(strapi: Core.Strapi, thresholdMs: number): void {
  if (!thresholdMs) return;
  const started = new Map<string, number>();
  const knex = strapi.db.connection;
  knex.on('query', (query: { __knexQueryUid: string }) => started.set(query.__knexQueryUid, performance.now()));
  const done = (query: { __knexQueryUid: string; sql: string }) => {
    const at = started.get(query.__knexQueryUid);
    started.delete(query.__knexQueryUid);
    const ms = at === undefined ? 0 : performance.now() - at;
    if (ms >= thresholdMs) process.stderr.write(`slow query ${ms.toFixed(1)} ms: ${query.sql.slice(0, 400)}\n`);
  };
  knex.on('query-response', (_response: unknown, query: { __knexQueryUid: string; sql: string }) => done(query));
  knex.on('query-error', (_error: unknown, query: { __knexQueryUid: string; sql: string }) => done(query));
}

/**
 * BENCH_MEMORY_LOG=FILE: appends the server's memory (RSS, V8 heap used and total, external,
 * array buffers, MB) to FILE every second, to find what grows the server under load.
 */
function logMemory(file: string | undefined): void {
  if (!file) return;
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    const line = `${new Date().toISOString().slice(11, 19)} rss ${mb(usage.rss)} heapUsed ${mb(usage.heapUsed)} heapTotal ${mb(usage.heapTotal)} external ${mb(usage.external)} arrayBuffers ${mb(usage.arrayBuffers)}\n`;
    fs.appendFileSync(file, line);
  }, 1000);
  timer.unref();
}

async function main(): Promise<void> {
  let stopProfile: () => Promise<void> = async () => undefined;
  const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await stopProfile();
      await strapi.destroy();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // The runner dying (even by SIGKILL) closes our stdin pipe: never outlive it.
  process.stdin.on('end', () => void stop());
  process.stdin.resume();

  await strapi.start();
  const token = process.env.BENCH_CREATE_TOKEN === 'true' ? await createFullAccessToken(strapi) : null;
  stopProfile = startProfile(process.env.BENCH_CPU_PROFILE);
  logSlowQueries(strapi, Number(process.env.BENCH_SLOW_QUERY_MS ?? 0));
  logMemory(process.env.BENCH_MEMORY_LOG);
  const port = Number(strapi.config.get('server.port'));
  process.stdout.write(`${READY_MARKER} ${JSON.stringify({ port, token })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
