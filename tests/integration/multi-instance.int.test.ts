/**
 * Several instances, really: two `strapi start` processes (bench/server.ts, the compiled app)
 * behind nginx (deploy/nginx.conf), sharing PostgreSQL and Redis. Publishes through one
 * instance and reads through the balancer: cache invalidation reaches both instances, comment
 * rate limits are shared, and an embargoed story's go-live fires once. PostgreSQL only (SQLite
 * is one process's database), and it needs nginx and Redis: .ci/run installs and starts them.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import Redis from 'ioredis';
import request from 'supertest';
import { freePort, makeSecrets, startServer, type RunningServer } from '../../bench/lib/server-process';
import { TEST_REDIS_URL, redisReachable } from '../helpers/redis';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const { createTestDatabase, dropTestDatabase, usePostgres } = require('../helpers/test-database') as {
  createTestDatabase(): Promise<{ name: string; env: Record<string, string> }>;
  dropTestDatabase(db: { name: string; env: Record<string, string> }): Promise<void>;
  usePostgres(): boolean;
};

const ROOT = path.resolve(__dirname, '..', '..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate));
const REDIS_URL = TEST_REDIS_URL.replace(/\/\d+$/, '/11');
const missing = !usePostgres() ? 'SQLite run' : !NGINX ? 'nginx missing' : !redisReachable(REDIS_URL) ? `no Redis answers at ${REDIS_URL}` : null;
const suite = missing ? describe.skip : describe;
if (missing) {
  // Jest has no skip reason of its own: say it on the console (as describeWithRedis does).
  console.warn(`Skipping multi-instance: it needs TEST_DATABASE=postgres, nginx and Redis (${missing}).`);
}

let db: { name: string; env: Record<string, string> };
let a: RunningServer;
let b: RunningServer;
let nginx: ChildProcess;
let balancer: string;
let token: string;
let receiver: WebhookReceiver;
let prefix: string;

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nobody answers at ${url}`);
}

suite('two instances behind nginx, sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    await redis.quit();
    receiver = await startWebhookReceiver();

    const secrets = makeSecrets();
    const target = {
      client: 'postgres' as const,
      host: db.env.DATABASE_HOST,
      port: Number(db.env.DATABASE_PORT),
      user: db.env.DATABASE_USERNAME,
      password: db.env.DATABASE_PASSWORD,
      database: db.env.DATABASE_NAME,
    };
    const env = {
      REDIS_URL,
      SEED_DEMO: 'true',
      CRON_ENABLED: 'true',
      GOLIVE_POLL_SECONDS: '1',
      TRUST_PROXY: 'true',
      COMMENTS_RATE_PER_IP: '3',
      COMMENTS_RATE_PER_IP_SECONDS: '300',
      LOG_LEVEL: 'error',
    };
    // Strapi loads webhooks at boot, and its admin API refuses local URLs in production: the
    // first boot creates the schema, the webhook row goes in, then both instances start.
    await (await startServer({ db: target, port: await freePort(), responseCache: true, writeMiddlewares: true, createToken: false, secrets, env })).stop();
    const knex = (await import('knex')).default({
      client: 'pg',
      connection: { host: target.host, port: target.port, user: target.user, password: target.password, database: target.database },
    });
    await knex('strapi_webhooks').insert({
      name: 'ISR',
      url: receiver.url,
      headers: JSON.stringify({}),
      events: JSON.stringify(['entry.golive']),
      enabled: true,
    });
    await knex.destroy();
    a = await startServer({ db: target, port: await freePort(), responseCache: true, writeMiddlewares: true, createToken: true, secrets, env });
    token = a.token as string;
    b = await startServer({ db: target, port: await freePort(), responseCache: true, writeMiddlewares: true, createToken: false, secrets, env });

    prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'novinar-nginx-'));
    const listen = await freePort();
    const config = fs
      .readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
      .replaceAll('@PREFIX@', prefix)
      .replaceAll('@PORT_A@', new URL(a.baseUrl).port)
      .replaceAll('@PORT_B@', new URL(b.baseUrl).port)
      .replaceAll('@LISTEN@', `127.0.0.1:${listen}`);
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), config);
    const check = spawnSync(NGINX as string, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toMatchObject({ status: 0 });
    nginx = spawn(NGINX as string, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    balancer = `http://127.0.0.1:${listen}`;
    await waitFor(`${balancer}/_health`);
  }, 240_000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await Promise.all([a?.stop(), b?.stop()]);
    await receiver?.close();
    if (db) await dropTestDatabase(db);
    if (prefix) fs.rmSync(prefix, { recursive: true, force: true });
  });

  const viaBalancer = (pathname: string) => request(balancer).get(pathname);

  test('the balancer spreads reads over both instances', async () => {
    const upstreams = new Set<string>();
    for (let i = 0; i < 6; i += 1) upstreams.add((await viaBalancer('/api/teasers/latest?limit=5').expect(200)).headers['x-upstream']);
    expect(upstreams).toEqual(new Set([`127.0.0.1:${new URL(a.baseUrl).port}`, `127.0.0.1:${new URL(b.baseUrl).port}`]));
  });

  test('a story published through one instance shows on every read through the balancer (both caches invalidated)', async () => {
    for (let i = 0; i < 6; i += 1) await viaBalancer('/api/teasers/latest?limit=50').expect(200);
    const hit = await viaBalancer('/api/teasers/latest?limit=50').expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    const created = await request(a.baseUrl)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Нова история от инстанция А', lede: 'Публикувана през едната инстанция.' } })
      .expect(201);
    for (let i = 0; i < 6; i += 1) {
      const res = await viaBalancer('/api/teasers/latest?limit=50').expect(200);
      expect({ upstream: res.headers['x-upstream'], shows: JSON.stringify(res.body).includes(created.body.data.documentId) }).toMatchObject({ shows: true });
    }
  });

  test('comment rate limits are shared: the 4th comment from one client is refused whichever instance gets it', async () => {
    const latest = await viaBalancer('/api/teasers/latest?limit=1').expect(200);
    const slug = latest.body.data[0].slug as string;
    const statuses: number[] = [];
    const upstreams = new Set<string>();
    for (let i = 0; i < 4; i += 1) {
      const res = await request(balancer)
        .post(`/api/articles/by-slug/${slug}/comments`)
        .set('Content-Type', 'application/json')
        .send({ data: { authorName: 'Читател', body: `Коментар номер ${i + 1}.` } });
      statuses.push(res.status);
      upstreams.add(res.headers['x-upstream']);
    }
    expect(upstreams.size).toBe(2);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  test('an embargoed story goes live once: one entry.golive for two polling instances', async () => {
    const goLive = new Date(Date.now() + 3000);
    const created = await request(b.baseUrl)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Ембарго за две инстанции', lede: 'Излиза след три секунди.', publicationDate: goLive.toISOString() } })
      .expect(201);
    const documentId = created.body.data.documentId as string;
    await viaBalancer(`/api/articles/${documentId}`).expect(404);
    const events = () => receiver.received.filter((event) => event.event === 'entry.golive' && event.entry.documentId === documentId);
    for (let i = 0; i < 150 && events().length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    // Both instances poll every second: give a duplicate every chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(events()).toHaveLength(1);
    await viaBalancer(`/api/articles/${documentId}`).expect(200);
  });
});
