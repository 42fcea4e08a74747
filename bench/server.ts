/**
 * The server under test, run as a child process of bench/run.ts (never imported by it):
 * boots the compiled app (dist/, compiled by the runner), listens, optionally creates a
 * full-access API token for the write benchmark, and prints one line
 * `BENCH_READY {"port":…,"token":…}` on stdout. Ends cleanly on SIGTERM/SIGINT.
 *
 * All configuration comes from the environment the runner sets (database, secrets,
 * RESPONSE_CACHE, NOVINAR_WRITE_MIDDLEWARES, PORT…).
 */
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

async function main(): Promise<void> {
  const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
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
  const port = Number(strapi.config.get('server.port'));
  process.stdout.write(`${READY_MARKER} ${JSON.stringify({ port, token })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
