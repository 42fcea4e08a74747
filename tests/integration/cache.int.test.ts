import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, createFullAccessToken, createUserJwt, publishArticle, setAppClock } from '../helpers/fixtures';
import { ARTICLE, COMMENT, SECTION, TAG } from '../../src/uids';
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
    expect(first.headers.vary).toMatch(/\bAuthorization\b/);
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
    const withToken = await request(app.server)
      .get(path)
      .query({ status: 'draft' })
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
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
    const submitted = await request(app.server)
      .post(path)
      .send({ data: { authorName: 'Читател', body: 'Кеширан ли съм?' } })
      .expect(201);
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
    const a = await articles().create({
      locale: 'bg',
      data: { title: 'Вулкан изригна в Исландия', body: body('Вулканът в Исландия изригна отново, лавата тече към рибарското градче Гриндавик.') } as never,
    });
    await articles().publish({ documentId: a.documentId, locale: 'bg' });
    await warm(`/api/articles/by-slug/${a.slug}/related`, { limit: 5 });
    const b = await articles().create({
      locale: 'bg',
      data: {
        title: 'Исландия евакуира Гриндавик заради вулкана',
        body: body('Властите в Исландия евакуираха Гриндавик, вулканът изхвърля лава и пепел.'),
      } as never,
    });
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
    const mutation = await request(app.server)
      .post('/graphql')
      .send({ query: `mutation { submitComment(slug: "${mainSlug}", data: { authorName: "Иван", body: "Мутация." }) { status } }` })
      .expect(200);
    expect(mutation.headers['x-cache']).toBeUndefined();
  });
});

const titlesOf = (res: request.Response) => (res.body.data as Array<{ title: string }>).map((item) => item.title);

const publish = (data: { title: string } & Record<string, unknown>) => publishArticle(app.strapi, data);

describe('cache keys keep the meaning of the query', () => {
  test('the two orders of a repeated sort get their own entries, each in its own order', async () => {
    // By title A < B < C; by date B, C, A (newest first): the two sorts disagree.
    await publish({ title: 'Cache order A', publicationDate: '2025-01-01T08:00:00.000Z' });
    await publish({ title: 'Cache order B', publicationDate: '2025-03-01T08:00:00.000Z' });
    await publish({ title: 'Cache order C', publicationDate: '2025-02-01T08:00:00.000Z' });
    const list = (sorts: string[]) =>
      `/api/articles?filters[title][$startsWith]=Cache%20order&fields[0]=title&${sorts.map((sort) => `sort=${sort}`).join('&')}`;
    const byTitle = list(['title:asc', 'publicationDate:desc']);
    const byDate = list(['publicationDate:desc', 'title:asc']);

    await request(app.server).get(byTitle).expect(200);
    const titleHit = await request(app.server).get(byTitle).expect(200);
    expect(titleHit.headers['x-cache']).toBe('HIT');
    expect(titlesOf(titleHit)).toEqual(['Cache order A', 'Cache order B', 'Cache order C']);

    const dateFirst = await request(app.server).get(byDate).expect(200);
    expect(dateFirst.headers['x-cache']).toBe('MISS');
    expect(titlesOf(dateFirst)).toEqual(['Cache order B', 'Cache order C', 'Cache order A']);
    const dateHit = await request(app.server).get(byDate).expect(200);
    expect(dateHit.headers['x-cache']).toBe('HIT');
    expect(titlesOf(dateHit)).toEqual(['Cache order B', 'Cache order C', 'Cache order A']);
  });

  test('entries never mix locales', async () => {
    for (const locale of ['bg', 'en', 'bg', 'en']) {
      const res = await get('/api/articles', { locale }).expect(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(res.body.data.every((item: { locale: string }) => item.locale === locale)).toBe(true);
    }
    const query = (locale: string) => ({ query: `{ articles(locale: "${locale}") { locale } }` });
    for (const locale of ['bg', 'en', 'bg', 'en']) {
      const res = await request(app.server).post('/graphql').send(query(locale)).expect(200);
      expect(res.body.data.articles.every((item: { locale: string }) => item.locale === locale)).toBe(true);
    }
  });

  test('entries never mix statuses: a draft is never stored, and status=draft has an entry of its own', async () => {
    await articles().create({ locale: 'bg', data: { title: 'Чернова в списъка' } as never });
    const query = { 'filters[title][$eq]': 'Чернова в списъка' };
    const withToken = await get('/api/articles', { ...query, status: 'draft' })
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    expect(titlesOf(withToken)).toEqual(['Чернова в списъка']);
    expect(withToken.headers['cache-control']).toBe('private, no-store');
    for (const status of ['draft', 'published', 'draft']) {
      const anonymous = await get('/api/articles', { ...query, status }).expect(200);
      expect(titlesOf(anonymous)).toEqual([]);
    }
  });
});

describe('canonical paths', () => {
  const QUERY = 'pagination[pageSize]=100&sort=title:asc&sort=publicationDate:desc';

  test.each([
    ['/api/articles/', '/api/articles'],
    ['/API/articles', '/api/articles'],
    ['/api/Articles', '/api/articles'],
    ['/api//articles', '/api/articles'],
    ['//api/articles', '/api/articles'],
    ['/Api/Teasers/Latest/', '/api/teasers/latest'],
    [`/api/articles/by-slug/Some-Slug/`, '/api/articles/by-slug/some-slug'],
    ['/GraphQL', '/graphql'],
  ])('GET and HEAD %s get a 301 to %s with the query string as sent', async (path, canonical) => {
    for (const method of ['get', 'head'] as const) {
      const res = await request(app.server)[method](`${path}?${QUERY}`);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe(`${canonical}?${QUERY}`);
      expect(res.headers['x-cache']).toBeUndefined();
    }
    const bare = await request(app.server).get(path).expect(301);
    expect(bare.headers.location).toBe(canonical);
  });

  test('a redirect comes before the Authorization check', async () => {
    const res = await request(app.server).get('/API/articles').set({ Authorization: 'Basic Zm9vOmJhcg==' }).expect(301);
    expect(res.headers.location).toBe('/api/articles');
  });

  test('every spelling leads to one cached answer, which a newly published story drops', async () => {
    const locations = new Set<string>();
    for (const path of ['/API/Articles/', '/api/articles/', '/api//Articles']) {
      locations.add((await request(app.server).get(`${path}?${QUERY}`).expect(301)).headers.location);
    }
    expect([...locations]).toEqual([`/api/articles?${QUERY}`]);
    const [location] = [...locations] as [string];
    expect((await request(app.server).get(location).expect(200)).headers['x-cache']).toBe('MISS');
    expect((await request(app.server).get(location).expect(200)).headers['x-cache']).toBe('HIT');
    expect((await request(app.server).head(location).expect(200)).headers['x-cache']).toBe('HIT');

    const story = await publish({ title: 'Aaa canonical path story' });
    const after = await request(app.server).get(location).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.map((item: { slug: string }) => item.slug)).toContain(story.slug);
  });

  test('POST /GraphQL and /graphql/ share the entry of /graphql', async () => {
    const query = { query: '{ articles(locale: "en") { title } }' };
    await request(app.server).post('/graphql').send(query).expect(200);
    for (const path of ['/graphql', '/GraphQL', '/graphql/']) {
      expect((await request(app.server).post(path).send(query).expect(200)).headers['x-cache']).toBe('HIT');
    }
  });
});

describe('populated relations', () => {
  test("a tag's populated articles show a story published after the answer was cached", async () => {
    const tag = await app.strapi.documents(TAG).findFirst({ locale: 'bg', filters: { slug: 'rusia' } });
    const path = `/api/tags/${tag?.documentId}`;
    const query = { 'populate[articles][fields][0]': 'slug' };
    await warm(path, query);
    const story = await publish({ title: 'Нова история с етикет Русия', tags: [tag?.documentId] });
    const res = await get(path, query).expect(200);
    expect(res.headers['x-cache']).toBe('MISS');
    expect(res.body.data.articles.map((item: { slug: string }) => item.slug)).toContain(story.slug);
  });

  test("a section's populated articles (populate=articles) show a story published after the answer was cached", async () => {
    const section = await app.strapi.documents(SECTION).findFirst({ locale: 'bg', filters: { slug: 'svyat' } });
    const path = `/api/sections/${section?.documentId}`;
    await warm(path, { populate: 'articles' });
    const story = await publish({ title: 'Нова история в раздел Свят', section: section?.documentId });
    const res = await get(path, { populate: 'articles' }).expect(200);
    expect(res.headers['x-cache']).toBe('MISS');
    expect(res.body.data.articles.map((item: { slug: string }) => item.slug)).toContain(story.slug);
  });
});

describe('Authorization headers', () => {
  const graphqlQuery = { query: '{ articles { title } }' };

  async function expect401(authorization: string) {
    // One at a time: supertest closes the server it started after each answer.
    const requests = [
      () => request(app.server).get('/api/articles').set({ Authorization: authorization }),
      () => request(app.server).get('/api/tags/by-slug/rusia').set({ Authorization: authorization }),
      () => request(app.server).get(`/api/articles/by-slug/${mainSlug}`).set({ Authorization: authorization }),
      () => request(app.server).post('/graphql').set({ Authorization: authorization }).send(graphqlQuery),
      () => request(app.server).post('/GraphQL').set({ Authorization: authorization }).send(graphqlQuery),
      () =>
        request(app.server)
          .post(`/api/articles/by-slug/${mainSlug}/comments`)
          .set({ Authorization: authorization })
          .send({ data: { authorName: 'Иван', body: 'С фалшив ключ.' } }),
    ];
    for (const send of requests) {
      const res = await send();
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ data: null, error: { status: 401, name: 'UnauthorizedError', message: expect.any(String), details: {} } });
      expect(res.headers['x-cache']).toBeUndefined();
    }
    const head = await request(app.server).head('/api/articles').set({ Authorization: authorization });
    expect(head.status).toBe(401);
  }

  test.each([
    ['Basic credentials', 'Basic Zm9vOmJhcg=='],
    ['a bogus Bearer token', 'Bearer bogus'],
    ['an unknown scheme', 'Foo'],
    ['Bearer without a token', 'Bearer'],
  ])('%s get a 401 with a JSON error on REST, custom routes, HEAD and GraphQL', async (_label, authorization) => {
    await expect401(authorization);
  });

  test('a JWT that does not verify, or whose user is blocked, gets a 401', async () => {
    const valid = await createUserJwt(app.strapi);
    const [header, , signature] = valid.split('.');
    const forged = [header, Buffer.from(JSON.stringify({ id: 1 })).toString('base64url'), signature].join('.');
    await expect401(`Bearer ${forged}`);
    await expect401(`Bearer ${await createUserJwt(app.strapi, { blocked: true })}`);
  });

  test('an expired API token gets a 401', async () => {
    const created = await app.strapi
      .service('admin::api-token')
      .create({ name: `expired-${Date.now()}`, type: 'read-only', kind: 'content-api', lifespan: 7 * 24 * 3600 * 1000 });
    await app.strapi.db.query('admin::api-token').update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await expect401(`Bearer ${created.accessKey}`);
  });

  test('a valid API token or user JWT is answered as before: 200, never cached, private no-store', async () => {
    // The Authenticated role reads nothing of ours; its own profile is what a JWT can read.
    const userJwt = await createUserJwt(app.strapi);
    for (const [credential, path] of [
      [token, '/api/articles'],
      [userJwt, '/api/users/me'],
    ] as const) {
      for (const method of ['get', 'head', 'get'] as const) {
        const agent = request(app.server);
        const res = await agent[method](path)
          .set({ Authorization: `Bearer ${credential}` })
          .expect(200);
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.headers['x-cache']).toBeUndefined();
      }
    }
    const gql = await request(app.server)
      .post('/graphql')
      .set({ Authorization: `Bearer ${token}` })
      .send(graphqlQuery)
      .expect(200);
    expect(gql.headers['cache-control']).toBe('private, no-store');
    expect(gql.headers['x-cache']).toBeUndefined();
  });

  test('no Authorization header: cached as before', async () => {
    const path = '/api/articles';
    await get(path, { locale: 'en' }).expect(200);
    const res = await get(path, { locale: 'en' }).expect(200);
    expect(res.headers['x-cache']).toBe('HIT');
    expect(res.headers['cache-control']).toMatch(/^public, /);
  });

  test('a repeated bogus header is answered from memory, without another token lookup', async () => {
    const tokens = app.strapi.service('admin::api-token-content-api') as unknown as { getByAccessKey(hash: string): Promise<unknown> };
    const lookups = jest.spyOn(tokens, 'getByAccessKey');
    try {
      const authorization = `Bearer repeated-${Date.now()}`;
      await request(app.server).get('/api/articles').set({ Authorization: authorization }).expect(401);
      expect(lookups).toHaveBeenCalledTimes(1);
      await request(app.server).get('/api/teasers/latest').set({ Authorization: authorization }).expect(401);
      await request(app.server).post('/graphql').set({ Authorization: authorization }).send(graphqlQuery).expect(401);
      expect(lookups).toHaveBeenCalledTimes(1);
    } finally {
      lookups.mockRestore();
    }
  });
});

describe('HEAD requests', () => {
  test('HEAD is answered from the entry GET stored, GET from the one HEAD stored, with 304 on a matching ETag', async () => {
    const first = await get('/api/sections', { locale: 'bg' }).expect(200);
    const head = await request(app.server).head('/api/sections').query({ locale: 'bg' }).expect(200);
    expect(head.headers['x-cache']).toBe('HIT');
    expect(head.headers.etag).toBe(first.headers.etag);
    await request(app.server).head('/api/sections').query({ locale: 'bg' }).set('If-None-Match', first.headers.etag).expect(304);

    const stored = await request(app.server).head('/api/source-agencies').query({ locale: 'bg' }).expect(200);
    expect(stored.headers['x-cache']).toBe('MISS');
    const served = await get('/api/source-agencies', { locale: 'bg' }).expect(200);
    expect(served.headers['x-cache']).toBe('HIT');
    expect(served.body.data.length).toBeGreaterThan(0);
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
