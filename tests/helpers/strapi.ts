import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { randomStrapiSecrets } from '../../scripts/random-secrets';
const { createTestDatabase, dropTestDatabase } = require('./test-database') as {
  createTestDatabase(): Promise<TestDatabase>;
  dropTestDatabase(db: TestDatabase): Promise<void>;
};

interface TestDatabase {
  name: string;
  env: Record<string, string>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  /** The Node http server to hand to supertest. */
  server: Parameters<typeof import('supertest')>[0];
  close(): Promise<void>;
  /** Stops the app and boots it again on the same database, as a redeploy would: bootstrap runs again. */
  restart(): Promise<void>;
  /** Stops the app and keeps its database (another process may use it; restart() boots again). */
  stop(): Promise<void>;
}

/**
 * Boots the real, compiled app on a fresh database of its own (SQLite file, or PostgreSQL
 * when TEST_DATABASE=postgres) with the demo content seeded, cron off and random secrets.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    CRON_ENABLED: 'false',
    SEED_DEMO: 'true',
    NOVINAR_LOCALES: 'en',
    ...randomStrapiSecrets(),
    COMMENTS_RATE_PER_IP: '1000',
    COMMENTS_RATE_PER_ARTICLE: '1000',
    ...db.env,
    ...env,
  });
  const boot = async () => {
    const strapi = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).load();
    strapi.server.mount();
    return strapi;
  };
  const strapi = await boot();
  let running = true;
  const app: TestApp = {
    strapi,
    server: strapi.server.httpServer,
    async close() {
      await app.stop();
      await dropTestDatabase(db);
    },
    async restart() {
      await app.stop();
      app.strapi = await boot();
      app.server = app.strapi.server.httpServer;
      running = true;
    },
    async stop() {
      if (running) await app.strapi.destroy();
      running = false;
    },
  };
  return app;
}
