import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, createFullAccessToken, setAppClock } from '../helpers/fixtures';
import { ARTICLE, COMMENT, TAG } from '../../src/uids';
import { TEST_REDIS_URL, describeWithRedis } from '../helpers/redis';

let app: TestApp;
let token: string;
let mainSlug: string;

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'true' });
  token = await createFullAccessToken(app.strapi);
  const main = await app.strapi.documents(ARTICLE).findFirst({ locale: 'bg', status: 'published', filters: { title: MAIN_TITLE } });
  mainSlug = main?.slug as string;
});

afterEach(() => setAppClock(null));

afterAll(async () => {
  await app?.close();
});

const get = (path: string, query: Record<string, unknown> = {}) => request(app.server).get(path).query(query);
const articles = () => app.strapi.documents(ARTICLE);

async function warm(path: string, query: Record<string, unknown> = {}) {
  await get(path, query).expect(200);
  const second = await get(path, query).expect(200);
  expect(second.headers['x-cache']).toBe('HIT');
  return second;
}

describe('response cache', () => {
  test('serves repeated public GETs from the cache with ETag and Cache-Control', async () => {
    const first = await get(`/api/articles/by-slug/${mainSlug}`).expect(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+, s-maxage=\d+/);
    const second = await get(`/api/articles/by-slug/${mainSlug}`).expect(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toEqual(first.body);
  });

  test('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/api/teasers/latest').expect(200);
    const res = await request(app.server).get('/api/teasers/latest').set('If-None-Match', first.headers.etag).expect(304);
    expect(res.text).toBe('');
    await request(app.server).get('/api/teasers/latest').set('If-None-Match', 'W/"stale"').expect(200);
  });

  test('never caches authenticated or draft responses', async () => {
    const draft = await articles().create({ locale: 'bg', data: { title: 'Кеширана чернова?' } as never });
    const path = `/api/articles/${draft.documentId}`;
    const withToken = await request(app.server).get(path).query({ status: 'draft' }).set({ Authorization: `Bearer ${token}` }).expect(200);
    expect(withToken.body.data.title).toBe('Кеширана чернова?');
    expect(withToken.headers['cache-control']).toBe('private, no-store');
    expect(withToken.headers['x-cache']).toBeUndefined();
    const anonymous = await request(app.server).get(path).query({ status: 'draft' });
    expect(anonymous.status).toBe(404);
    expect(JSON.stringify(anonymous.body)).not.toContain('Кеширана чернова?');
  });

  test('publishing a new story invalidates lists and latest feeds', async () => {
    await warm('/api/teasers/latest', { limit: 50 });
    await warm('/api/articles', { 'pagination[pageSize]': 100 });
    const created = await articles().create({ locale: 'bg', data: { title: 'Нова история за кеша' } as never });
    await articles().publish({ documentId: created.documentId, locale: 'bg' });
    const latest = await get('/api/teasers/latest', { limit: 50 }).expect(200);
    expect(latest.body.data.map((card: { slug: string }) => card.slug)).toContain(created.slug);
    const list = await get('/api/articles', { 'pagination[pageSize]': 100 }).expect(200);
    expect(list.body.data.map((item: { slug: string }) => item.slug)).toContain(created.slug);
  });

  test('an update, in every locale, shows at once', async () => {
    const en = await articles().findFirst({ locale: 'en', status: 'published' });
    await warm(`/api/articles/by-slug/${en?.slug}`, { locale: 'en' });
    await warm(`/api/articles/by-slug/${mainSlug}`, { locale: 'bg' });
    await articles().update({ documentId: en?.documentId as string, locale: 'en', data: { lede: 'Updated English lede.' } as never });
    // A draft edit changes nothing public.
    expect((await get(`/api/articles/by-slug/${en?.slug}`, { locale: 'en' })).headers['x-cache']).toBe('HIT');
    await articles().publish({ documentId: en?.documentId as string, locale: 'en' });
    const fresh = await get(`/api/articles/by-slug/${en?.slug}`, { locale: 'en' }).expect(200);
    expect(fresh.headers['x-cache']).toBe('MISS');
    expect(fresh.body.data.lede).toBe('Updated English lede.');
    // The Bulgarian variant of the same document is dropped too: shared fields may have changed.
    expect((await get(`/api/articles/by-slug/${mainSlug}`, { locale: 'bg' })).headers['x-cache']).toBe('MISS');
  });

  test('unpublishing and deleting take the story out of cached responses and feeds', async () => {
    const story = await articles().create({ locale: 'bg', data: { title: 'История, която ще изчезне' } as never });
    await articles().publish({ documentId: story.documentId, locale: 'bg' });
    await warm(`/api/articles/by-slug/${story.slug}`);
    await warm('/api/teasers/latest', { limit: 50 });
    await articles().unpublish({ documentId: story.documentId, locale: 'bg' });
    await get(`/api/articles/by-slug/${story.slug}`).expect(404);
    expect(JSON.stringify((await get('/api/teasers/latest', { limit: 50 })).body)).not.toContain(story.slug);

    await articles().publish({ documentId: story.documentId, locale: 'bg' });
    await warm(`/api/articles/by-slug/${story.slug}`);
    await articles().delete({ documentId: story.documentId, locale: 'bg' });
    await get(`/api/articles/by-slug/${story.slug}`).expect(404);
  });

  test('an embargo release shows the story without any write', async () => {
    const release = new Date(Date.now() + 3600_000);
    const story = await articles().create({ locale: 'bg', data: { title: 'Ембарго и кеш', publicationDate: release.toISOString() } as never });
    await articles().publish({ documentId: story.documentId, locale: 'bg' });
    await get(`/api/articles/by-slug/${story.slug}`).expect(404);
    const before = await warm('/api/teasers/latest', { limit: 50 });
    expect(JSON.stringify(before.body)).not.toContain(story.slug);
    setAppClock(new Date(release.getTime() + 1000));
    const after = await get('/api/teasers/latest', { limit: 50 }).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(JSON.stringify(after.body)).toContain(story.slug);
  });

  test('comment moderation updates cached counts and threads', async () => {
    const path = `/api/articles/by-slug/${mainSlug}/comments`;
    const submitted = await request(app.server).post(path).send({ data: { authorName: 'Читател', body: 'Кеширан ли съм?' } }).expect(201);
    await warm(path);
    await warm('/api/comments/counts', { slugs: mainSlug });
    const bySlug = await warm(`/api/articles/by-slug/${mainSlug}`);
    const before = bySlug.body.data.commentCount;
    await app.strapi.documents(COMMENT).update({ documentId: submitted.body.data.documentId, data: { moderationStatus: 'approved' } as never });
    expect((await get(`/api/articles/by-slug/${mainSlug}`).expect(200)).body.data.commentCount).toBe(before + 1);
    expect((await get('/api/comments/counts', { slugs: mainSlug }).expect(200)).body.data[mainSlug]).toBe(before + 1);
    expect(JSON.stringify((await get(path).expect(200)).body)).toContain('Кеширан ли съм?');
  });

  test('related feeds follow changes to their stored lists', async () => {
    const body = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
    const a = await articles().create({ locale: 'bg', data: { title: 'Вулкан изригна в Исландия', body: body('Вулканът в Исландия изригна отново, лавата тече към рибарското градче Гриндавик.') } as never });
    await articles().publish({ documentId: a.documentId, locale: 'bg' });
    await warm(`/api/articles/by-slug/${a.slug}/related`, { limit: 5 });
    const b = await articles().create({ locale: 'bg', data: { title: 'Исландия евакуира Гриндавик заради вулкана', body: body('Властите в Исландия евакуираха Гриндавик, вулканът изхвърля лава и пепел.') } as never });
    await articles().publish({ documentId: b.documentId, locale: 'bg' });
    const feed = await get(`/api/articles/by-slug/${a.slug}/related`, { limit: 5 }).expect(200);
    expect(feed.body.data[0].slug).toBe(b.slug);
  });

  test('renaming a tag or agency drops cached responses that show it', async () => {
    await warm(`/api/articles/by-slug/${mainSlug}`);
    const tag = await app.strapi.documents(TAG).findFirst({ locale: 'bg', filters: { slug: 'rusia' } });
    await app.strapi.documents(TAG).update({ documentId: tag?.documentId as string, locale: 'bg', data: { name: 'Руска федерация' } });
    const res = await get(`/api/articles/by-slug/${mainSlug}`).expect(200);
    expect(res.body.data.tags.map((item: { name: string }) => item.name)).toContain('Руска федерация');
  });

  test('GraphQL queries are cached and dropped on content changes; mutations never', async () => {
    const query = { query: `{ articleBySlug(slug: "${mainSlug}") { title commentCount } }` };
    await request(app.server).post('/graphql').send(query).expect(200);
    expect((await request(app.server).post('/graphql').send(query).expect(200)).headers['x-cache']).toBe('HIT');
    const story = await articles().create({ locale: 'bg', data: { title: 'GraphQL и кеш' } as never });
    await articles().publish({ documentId: story.documentId, locale: 'bg' });
    expect((await request(app.server).post('/graphql').send(query).expect(200)).headers['x-cache']).toBe('MISS');
    const mutation = await request(app.server).post('/graphql').send({ query: `mutation { submitComment(slug: "${mainSlug}", data: { authorName: "Иван", body: "Мутация." }) { status } }` }).expect(200);
    expect(mutation.headers['x-cache']).toBeUndefined();
  });
});

describeWithRedis('shared cache in Redis', () => {
  test('two instances see the same entries and invalidations', async () => {
    const { createRedisStore } = require('../../dist/src/cache/cache-store') as typeof import('../../src/cache/cache-store');
    const { createGuardedRedis } = require('../../dist/src/redis/guarded-redis') as typeof import('../../src/redis/guarded-redis');
    const prefix = `novinar:test:${Date.now()}:`;
    // A generous deadline: this test is about sharing, not about slow Redis (redis-faults.int.test.ts).
    const settings = { timeoutMs: 2000, breakerFailures: 3, breakerCooldownMs: 1000 };
    const connections = [createGuardedRedis(TEST_REDIS_URL, settings), createGuardedRedis(TEST_REDIS_URL, settings)];
    await Promise.all(connections.map((connection) => connection.connected()));
    const [first, second] = connections.map((connection) => createRedisStore(connection, { prefix }));
    try {
      const entry = { status: 200, body: '{"data":1}', etag: 'W/"x"', contentType: 'application/json', expiresAt: Date.now() + 60_000 };
      await first.set('get:/api/articles', entry, ['doc:abc', 'list:api::article.article'], 60_000);
      expect(await second.get('get:/api/articles')).toEqual(entry);
      expect(await second.invalidate(['doc:abc'])).toBe(1);
      expect(await first.get('get:/api/articles')).toBeNull();
    } finally {
      await first.clear();
      await first.close();
      await second.close();
      await Promise.all(connections.map((connection) => connection.close()));
    }
  });
});
