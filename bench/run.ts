/**
 * `npm run bench [-- options]`: builds corpora, starts the app as a separate process and
 * measures it (see docs/benchmarks.md).
 *
 *   --quick              1,000 articles, SQLite only, 5 s per endpoint (about 2-3 minutes)
 *   --articles N         one corpus size (default: 1,000 and 100,000)
 *   --db sqlite|postgres|both   (default: both; --quick: sqlite)
 *   --news PATH          recombine real paragraphs from a news.jsonl (never copied into the repo)
 *   --duration S         seconds per endpoint (quick 5, else 10)
 *   --warmup S           discarded seconds before each endpoint (quick 1, else 2)
 *   --connections N      concurrent connections (20)
 *   --writes N           timed create-and-publish requests per server (quick 40, else 200)
 *   --write-budget S     stop the creates after S seconds per server, once 20 are timed (quick 45, else 240)
 *   --keep               keep the benchmark databases (.tmp/bench/*.db, novinar_bench_* on PostgreSQL)
 */
import type { DbClient, DbTarget } from './corpus/corpus-db';
import { generateCorpus, type CorpusSummary } from './corpus/generate';
import { loadTextSource, type TextSource } from './corpus/text-source';
import { parseArgs } from 'node:util';
import { positiveInt } from './lib/args';
import { createDatabase, databaseSizeMb, describeDatabase, dropDatabase } from './lib/databases';
import { uncachedTargets, warmTargets, warmUp } from './lib/endpoints';
import { runLoad, type LoadSettings } from './lib/load';
import { currentLoadAverage, machineInfo, postgresVersion } from './lib/machine';
import { sampleRss, type RssSampler } from './lib/memory';
import { renderText, writeResults } from './lib/report';
import type { BenchOptions, BenchReport, EndpointResult, PhaseResult, RunResult } from './lib/results';
import { compileApp, createSchema, freePort, makeSecrets, startServer, type RunningServer } from './lib/server-process';
import { evaluateTargets } from './lib/targets';
import { timeCreates, writePayloads, type WriteResult, type WriteSettings } from './lib/writes';

const FULL_SIZES = [1_000, 100_000];

const log = (line: string): void => {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

function readOptions(argv: readonly string[]): BenchOptions {
  const { values: args } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      articles: { type: 'string' },
      db: { type: 'string' },
      news: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      writes: { type: 'string' },
      'write-budget': { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const { quick } = args;
  const articles = positiveInt(args.articles, 'articles');
  const db = args.db ?? (quick ? 'sqlite' : 'both');
  if (!['sqlite', 'postgres', 'both'].includes(db)) throw new Error('--db must be sqlite, postgres or both');
  const custom = articles !== undefined || args.db !== undefined;
  return {
    argv: [...argv],
    mode: custom ? 'custom' : quick ? 'quick' : 'full',
    dbs: db === 'both' ? ['sqlite', 'postgres'] : [db as DbClient],
    sizes: articles !== undefined ? [articles] : quick ? [1_000] : FULL_SIZES,
    duration: positiveInt(args.duration, 'duration') ?? (quick ? 5 : 10),
    warmupSeconds: Number(args.warmup ?? (quick ? 1 : 2)),
    connections: positiveInt(args.connections, 'connections') ?? 20,
    writes: positiveInt(args.writes, 'writes') ?? (quick ? 40 : 200),
    writeBudgetSeconds: positiveInt(args['write-budget'], 'write-budget') ?? (quick ? 45 : 240),
    news: args.news ?? null,
    keep: args.keep,
  };
}

async function withServer<T>(options: Omit<Parameters<typeof startServer>[0], 'port' | 'secrets'>, fn: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startServer({ ...options, port: await freePort(), secrets: makeSecrets() });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

async function measureAll(
  server: RunningServer,
  rss: RssSampler,
  targets: ReturnType<typeof uncachedTargets>,
  settings: LoadSettings,
): Promise<EndpointResult[]> {
  const results: EndpointResult[] = [];
  for (const target of targets) {
    rss.takePhaseMax();
    const result = await runLoad(server.baseUrl, target, settings);
    const rssMaxMb = rss.takePhaseMax();
    log(
      `    ${target.name}: ${result.problem ? `⚠ ${result.problem.slice(0, 160)}` : `${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`}, RSS ${Math.round(rssMaxMb ?? 0)} MB`,
    );
    results.push({ ...result, id: target.id, rssMaxMb });
  }
  return results;
}

async function cacheEvidence(server: RunningServer, path: string | undefined): Promise<string> {
  if (!path) return '';
  const response = await fetch(server.baseUrl + path);
  await response.arrayBuffer();
  return [...response.headers.entries()]
    .filter(([name]) => /cache|^age$|etag/i.test(name))
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
}

async function uncachedPhase(target: DbTarget, corpus: CorpusSummary, settings: LoadSettings): Promise<PhaseResult> {
  log('  phase 1: response cache off (every request reaches the database)');
  return withServer({ db: target, responseCache: false, writeMiddlewares: true, createToken: false }, async (server) => {
    const rss = sampleRss(server.pid);
    const endpoints = await measureAll(server, rss, uncachedTargets(corpus.samples), settings);
    return { responseCache: false, endpoints, rssMaxMb: rss.stop() };
  });
}

interface WarmAndWrites {
  warm: PhaseResult;
  ours: RunResult['writes']['ours'];
  writesRss: number | null;
}

async function warmPhaseAndWrites(
  target: DbTarget,
  corpus: CorpusSummary,
  settings: LoadSettings,
  payloads: ReturnType<typeof writePayloads>,
  writeSettings: WriteSettings,
): Promise<WarmAndWrites> {
  log('  phase 2: response cache on, warmed');
  return withServer({ db: target, responseCache: true, writeMiddlewares: true, createToken: true }, async (server) => {
    const rss = sampleRss(server.pid);
    const targets = warmTargets(corpus.samples);
    const warmStarted = Date.now();
    const failed = await warmUp(server.baseUrl, targets);
    log(`    warm-up: each URL requested once (${((Date.now() - warmStarted) / 1000).toFixed(1)} s)${failed ? `, ${failed} answered with an error` : ''}`);
    const evidence = await cacheEvidence(server, targets[1]?.paths[0]);
    const endpoints = await measureAll(server, rss, targets, settings);
    const warmRss = Math.max(...endpoints.map((endpoint) => endpoint.rssMaxMb ?? 0));
    log(
      `  phase 3: up to ${payloads.length - writeSettings.warmup} timed create-and-publish requests with our write-time behaviour (at most ${writeSettings.budgetSeconds} s)`,
    );
    const ours = await timeCreates(server.baseUrl, server.token ?? '', payloads, writeSettings);
    log(`    ours: ${describeWrites(ours)}`);
    const writesRss = rss.takePhaseMax();
    rss.stop();
    return { warm: { responseCache: true, endpoints, rssMaxMb: warmRss, cacheEvidence: evidence }, ours, writesRss };
  });
}

function describeWrites(result: WriteResult): string {
  const stopped = result.stoppedAfterSeconds === undefined ? '' : ` (time budget: stopped after ${result.stoppedAfterSeconds} s)`;
  return `${result.creates} creates, p50 ${Math.round(result.p50)} ms, p95 ${Math.round(result.p95)} ms${stopped}${result.problem ? ` ⚠ ${result.problem.slice(0, 160)}` : ''}`;
}

async function plainWrites(target: DbTarget, payloads: ReturnType<typeof writePayloads>, writeSettings: WriteSettings): Promise<WriteResult> {
  log('  phase 4: the same creates on plain Strapi (NOVINAR_WRITE_MIDDLEWARES=false)');
  return withServer({ db: target, responseCache: false, writeMiddlewares: false, createToken: true }, async (server) => {
    const plain = await timeCreates(server.baseUrl, server.token ?? '', payloads, writeSettings);
    log(`    plain: ${describeWrites(plain)}`);
    return plain;
  });
}

async function benchOne(client: DbClient, articles: number, options: BenchOptions, source: TextSource): Promise<RunResult> {
  const started = Date.now();
  const target = await createDatabase(client, articles);
  try {
    log(`${client}, ${articles} articles: creating the schema in ${describeDatabase(target)}`);
    await createSchema(target, await freePort());
    log('  generating the corpus');
    const corpus = await generateCorpus({ target, articles, newsPath: options.news ?? undefined, log });
    const size = await databaseSizeMb(target);
    log(`  corpus: ${corpus.variants} variants, ${corpus.comments} comments in ${corpus.seconds.toFixed(1)} s, ${size?.toFixed(0) ?? '?'} MB`);
    const settings: LoadSettings = { duration: options.duration, connections: options.connections, warmupSeconds: options.warmupSeconds };
    const uncached = await uncachedPhase(target, corpus, settings);
    const writeSettings: WriteSettings = { warmup: Math.max(3, Math.round(options.writes / 20)), budgetSeconds: options.writeBudgetSeconds };
    const payloads = writePayloads(source, corpus.refs, options.writes + writeSettings.warmup);
    const { warm, ours, writesRss } = await warmPhaseAndWrites(target, corpus, settings, payloads, writeSettings);
    const plain = await plainWrites(target, payloads, writeSettings);
    const { samples: _samples, refs: _refs, ...corpusInfo } = corpus;
    const rssValues = [uncached.rssMaxMb, warm.rssMaxMb, writesRss].filter((value): value is number => value !== null);
    return {
      db: client,
      articles,
      corpus: corpusInfo,
      databaseSizeMb: size,
      uncached,
      warm,
      writes: { ours, plain, rssMaxMb: writesRss },
      rssMaxMb: rssValues.length ? Math.max(...rssValues) : null,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (options.keep) log(`  kept ${describeDatabase(target)}`);
    else await dropDatabase(target);
  }
}

function notesFor(report: Omit<BenchReport, 'notes'>): string[] {
  const notes: string[] = [];
  const load = report.machine.loadAverageAtStart[0] ?? 0;
  if (load > report.machine.cpus * 0.5)
    notes.push(
      `The machine was busy when the run started (1-minute load average ${load} on ${report.machine.cpus} cores): numbers are lower and noisier than on an idle machine.`,
    );
  if (report.runs.some((run) => !run.warm.cacheEvidence))
    notes.push(
      'No cache-related header was seen on warm responses: if RESPONSE_CACHE is not implemented (yet), the "warm" rows are uncached requests to a smaller URL set.',
    );
  if (!report.options.news) {
    notes.push('Text: shipped fallback prose (bench/corpus/fallback-paragraphs.ts); pass --news ../shared/data/news.jsonl for recombined real Bulgarian news.');
    if (report.runs.some((run) => run.articles >= 10_000)) {
      notes.push(
        'The shipped text has a small vocabulary (ten topics of about fifteen sentences): at this size every story of a topic shares most of its index terms, so the ' +
          "related index's posting lists, and with them create-and-publish, are far heavier than with real news. Use --news for write numbers at 100,000.",
      );
    }
  }
  notes.push(
    'The load generator (autocannon) runs in the runner process on the same 2-core machine as the server and the database, so it takes CPU from them; ratios within the run share that handicap.',
  );
  return notes;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const startedAt = new Date();
  const machine = machineInfo();
  log(
    `bench (${options.mode}): ${options.dbs.join(' + ')} × ${options.sizes.join(', ')} articles, ${options.duration} s per endpoint, ${options.connections} connections; ${machine.cpus} cores, ${machine.totalMemoryMb} MB`,
  );
  const source = loadTextSource(options.news ?? undefined);
  if (options.dbs.includes('postgres')) {
    const probe = await createDatabase('postgres', 0).catch((error: unknown) => {
      throw new Error(`PostgreSQL is not reachable (set BENCH_PG_HOST/PORT/USER/PASSWORD): ${error instanceof Error ? error.message : String(error)}`);
    });
    if (probe.client === 'postgres') machine.postgres = await postgresVersion({ ...probe, database: 'postgres' });
    await dropDatabase(probe);
  }
  log('compiling the app (tsc -p tsconfig.json)');
  await compileApp();
  const runs: RunResult[] = [];
  for (const client of options.dbs) {
    for (const size of options.sizes) runs.push(await benchOne(client, size, options, source));
  }
  machine.loadAverageAtEnd = currentLoadAverage();
  const finishedAt = new Date();
  const partial = {
    version: 1 as const,
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    options,
    machine,
    runs,
    targets: evaluateTargets(runs),
  };
  const report: BenchReport = { ...partial, notes: notesFor(partial) };
  process.stdout.write(`${renderText(report)}\n`);
  const files = writeResults(report);
  log(`results: ${files.json} and ${files.markdown} (${Math.round(report.seconds)} s in all)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
