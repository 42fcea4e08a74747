import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, adminLogin, createSuperAdmin } from '../helpers/fixtures';
import { CLOSED_REDIS_URL } from '../helpers/redis';
import { ARTICLE } from '../../src/uids';

/**
 * REDIS_URL set, nothing listening: the app starts, reads come from the database, writes work,
 * comment limits hold per instance, and the outage is logged once. Needs no Redis server.
 */
let app: TestApp;
let mainSlug: string;
const warnings: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ REDIS_URL: CLOSED_REDIS_URL, RESPONSE_CACHE: 'true', COMMENTS_RATE_PER_IP: '2' });
  jest.spyOn(app.strapi.log, 'warn').mockImplementation(((message: string) => warnings.push(String(message))) as never);
  const main = await app.strapi.documents(ARTICLE).findFirst({ locale: 'bg', status: 'published', filters: { title: MAIN_TITLE } });
  mainSlug = main?.slug as string;
});

afterAll(async () => {
  jest.restoreAllMocks();
  await app?.close();
});

const get = (path: string, query: Record<string, unknown> = {}) => request(app.server).get(path).query(query);

test('public GETs are answered from the database, never from a cache it cannot confirm', async () => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const res = await get(`/api/articles/by-slug/${mainSlug}`).expect(200);
    expect(res.body.data.title).toBe(MAIN_TITLE);
    expect(res.headers['x-cache']).toBe('MISS');
    expect(res.headers.etag).toBeDefined();
  }
  const graphql = await request(app.server)
    .post('/graphql')
    .send({ query: `{ articleBySlug(slug: "${mainSlug}") { title } }` })
    .expect(200);
  expect(graphql.body.data.articleBySlug.title).toBe(MAIN_TITLE);
});

test('publishing through the Document Service and the admin panel succeeds and shows at once', async () => {
  const articles = app.strapi.documents(ARTICLE);
  const direct = await articles.create({ locale: 'bg', data: { title: 'Публикувана без Redis', lede: 'Пряко.' } as never });
  await articles.publish({ documentId: direct.documentId, locale: 'bg' });

  const jwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
  const viaAdmin = await articles.create({ locale: 'bg', data: { title: 'Публикувана от редактор без Redis', lede: 'През админа.' } as never });
  await request(app.server)
    .post(`/content-manager/collection-types/${ARTICLE}/${viaAdmin.documentId}/actions/publish`)
    .query({ locale: 'bg' })
    .set({ Authorization: `Bearer ${jwt}` })
    .send({ title: 'Публикувана от редактор без Redis', lede: 'През админа.' })
    .expect(200);

  const latest = JSON.stringify((await get('/api/teasers/latest', { limit: 50 }).expect(200)).body);
  for (const documentId of [direct.documentId, viaAdmin.documentId]) {
    const published = await articles.findOne({ documentId, locale: 'bg', status: 'published' });
    expect(latest).toContain(published?.slug as string);
  }
});

test('comment submissions are limited per instance in memory and never fail', async () => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const res = await request(app.server)
      .post(`/api/articles/by-slug/${mainSlug}/comments`)
      .send({ data: { authorName: 'Читател', body: `Коментар без Redis ${attempt}.` } });
    statuses.push(res.status);
    if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }
  expect(statuses).toEqual([201, 201, 429, 429]);
});

test('the outage is logged once, not per request', () => {
  expect(warnings.filter((message) => /Redis .* is failing/.test(message))).toHaveLength(1);
});
