/**
 * Starts and stops the server under test (bench/server.ts) as a child process with the
 * environment of one measurement phase, and reads its resident memory from /proc.
 */
import net from 'net';
import { execFile, spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import { promisify } from 'util';
import type { DbTarget } from '../corpus/corpus-db';
import { READY_MARKER } from './protocol';
import { trackChild } from './children';
import { ROOT } from './paths';
import { randomStrapiSecrets } from '../../scripts/random-secrets';

const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

export interface ServerOptions {
  db: DbTarget;
  port: number;
  responseCache: boolean;
  /** false starts plain Strapi writes: NOVINAR_WRITE_MIDDLEWARES=false (src/index.ts). */
  writeMiddlewares: boolean;
  createToken: boolean;
  secrets: Record<string, string>;
  /** Extra environment, applied last (e.g. REDIS_URL, CRON_ENABLED for several instances). */
  env?: Record<string, string>;
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  token: string | null;
  /** Resident set size in MB (VmRSS), or null when /proc is not readable. */
  rssMb(): number | null;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Compiles config/ and src/ into dist/ (what `strapi start` would load). */
export async function compileApp(): Promise<void> {
  await promisify(execFile)(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; message: string }) => {
    throw new Error(`tsc -p tsconfig.json failed:\n${error.stdout ?? error.message}`);
  });
}

/** Fresh secrets per server, from the helper the test harness uses too. */
export const makeSecrets = randomStrapiSecrets;

export function databaseEnv(db: DbTarget): Record<string, string> {
  if (db.client === 'sqlite') return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: db.filename, DATABASE_URL: '' };
  return {
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: '',
    DATABASE_HOST: db.host,
    DATABASE_PORT: String(db.port),
    DATABASE_NAME: db.database,
    DATABASE_USERNAME: db.user,
    DATABASE_PASSWORD: db.password,
  };
}

function serverEnv(options: ServerOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    LOG_LEVEL: 'warn',
    CRON_ENABLED: 'false',
    SEED_DEMO: 'false',
    NOVINAR_LOCALES: 'en',
    REDIS_URL: '',
    RESPONSE_CACHE: options.responseCache ? 'true' : 'false',
    NOVINAR_WRITE_MIDDLEWARES: options.writeMiddlewares ? 'true' : 'false',
    BENCH_CREATE_TOKEN: options.createToken ? 'true' : 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    ...options.secrets,
    ...databaseEnv(options.db),
    ...options.env,
  };
}

/**
 * The V8 old-space limit `npm run start` gives the server (package.json `config.heapMb`, or
 * NODE_HEAP_MB): the server under test runs as production does.
 */
export function serverHeapMb(): number {
  const configured = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config?: { heapMb?: string } }).config?.heapMb;
  return Number(process.env.NODE_HEAP_MB || configured || 256);
}

export function readRssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface ReadyMessage {
  port: number;
  token: string | null;
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const child = spawn(process.execPath, [`--max-old-space-size=${serverHeapMb()}`, '-r', 'esbuild-register', path.join(ROOT, 'bench', 'server.ts')], {
    cwd: ROOT,
    env: serverEnv(options),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  trackChild(child);
  let log = '';
  const remember = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8000);
  };
  child.stderr.on('data', remember);
  // Slow-query logging (bench/server.ts) is for a person watching: pass it through.
  if (process.env.BENCH_SLOW_QUERY_MS) child.stderr.pipe(process.stderr);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<RunningServer>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server did not start within ${START_TIMEOUT_MS / 1000}s:\n${log}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was ready (code ${code}, signal ${signal}):\n${log}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      remember(chunk);
      buffer += chunk.toString('utf8');
      const line = buffer.split('\n').find((candidate) => candidate.startsWith(READY_MARKER));
      if (!line) return;
      buffer = '';
      clearTimeout(timer);
      const ready = JSON.parse(line.slice(READY_MARKER.length).trim()) as ReadyMessage;
      const pid = child.pid ?? 0;
      resolve({ pid, baseUrl: `http://127.0.0.1:${ready.port}`, token: ready.token, rssMb: () => readRssMb(pid), stop });
    });
  });
}

/** Boots the app once on an empty database so Strapi creates every table (and the app its own), then stops it. */
export async function createSchema(db: DbTarget, port: number): Promise<void> {
  const server = await startServer({ db, port, responseCache: false, writeMiddlewares: true, createToken: false, secrets: makeSecrets() });
  await server.stop();
}
