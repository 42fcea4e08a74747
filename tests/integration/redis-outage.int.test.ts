import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, adminLogin, createSuperAdmin } from '../helpers/fixtures';
import { TEST_REDIS_URL, describeWithRedis, eventually, pauseRedis, settlesBefore } from '../helpers/redis';
import { ARTICLE } from '../../src/uids';

/**
 * The SRE's finding, replayed: with REDIS_URL set, Redis paused for 3 s made every public GET
 * hang and an admin publish fail with a 500 (rolled back). Now reads fall through to the
 * database, writes succeed, and after the pause the cache serves hits again without a stale
 * entry. "Not stuck" is asserted by ordering (done before the pause ended), never by a clock.
 */
const PAUSE_MS = 3000;

describeWithRedis('the app while Redis is paused', () => {
  let app: TestApp;
  let mainSlug: string;
  let adminAuth: { Authorization: string };
  const warnings: string[] = [];
  const infos: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      REDIS_URL: TEST_REDIS_URL,
      RESPONSE_CACHE: 'true',
      // A short cooldown only to keep the test short; the deadline is the default.
      REDIS_BREAKER_COOLDOWN_MS: '1000',
      COMMENTS_RATE_PER_IP: '3',
    });
    jest.spyOn(app.strapi.log, 'warn').mockImplementation(((message: string) => warnings.push(String(message))) as never);
    jest.spyOn(app.strapi.log, 'info').mockImplementation(((message: string) => infos.push(String(message))) as never);
    const main = await app.strapi.documents(ARTICLE).findFirst({ locale: 'bg', status: 'published', filters: { title: MAIN_TITLE } });
    mainSlug = main?.slug as string;
    adminAuth = { Authorization: `Bearer ${await adminLogin(app.server, await createSuperAdmin(app.strapi))}` };
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await app?.close();
  });

  const get = (path: string, query: Record<string, unknown> = {}) => request(app.server).get(path).query(query);
  const latest = () => get('/api/teasers/latest', { limit: 50 });
  const breakerMessages = (messages: string[], pattern: RegExp) => messages.filter((message) => pattern.test(message));

  async function warm(path: string, query: Record<string, unknown> = {}) {
    await get(path, query).expect(200);
    expect(await eventually(async () => (await get(path, query)).headers['x-cache'] === 'HIT')).toBe(true);
  }

  test('public GETs answer 200 during the pause, an admin publish succeeds, and afterwards hits return with the new story', async () => {
    await warm('/api/teasers/latest', { limit: 50 });
    await warm(`/api/articles/by-slug/${mainSlug}`);
    const draft = await app.strapi
      .documents(ARTICLE)
      .create({ locale: 'bg', data: { title: 'Публикувана, докато Redis спи', lede: 'По време на паузата.' } as never });

    const pause = await pauseRedis(PAUSE_MS);
    const paths: Array<[string, Record<string, unknown>]> = [
      ['/api/teasers/latest', { limit: 50 }],
      [`/api/articles/by-slug/${mainSlug}`, {}],
      ['/api/articles', { 'pagination[pageSize]': 10 }],
      ['/api/tags', {}],
    ];
    const batch = Promise.all(Array.from({ length: 20 }, (_, index) => get(...paths[index % paths.length])));
    expect(await settlesBefore(batch, pause.ended)).toBe(true);
    const responses = await batch;
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(200));
    expect(responses.every((res) => res.headers['x-cache'] !== 'HIT')).toBe(true);

    // The admin panel's publish runs inside a database transaction: this is the request that
    // answered 500 and was rolled back.
    const publish = Promise.resolve(
      request(app.server)
        .post(`/content-manager/collection-types/${ARTICLE}/${draft.documentId}/actions/publish`)
        .query({ locale: 'bg' })
        .set(adminAuth)
        .send({ title: 'Публикувана, докато Redis спи', lede: 'По време на паузата.' }),
    );
    expect(await settlesBefore(publish, pause.ended)).toBe(true);
    const published = await publish;
    expect(published.status).toBe(200);
    const story = await app.strapi.documents(ARTICLE).findOne({ documentId: draft.documentId, locale: 'bg', status: 'published' });
    expect(story?.slug).toBeTruthy();
    await pause.ended;

    // Every answer from here on shows the new story: the latest list cached before the pause
    // was invalidated when Redis came back, before any hit was served.
    const seen: Array<{ cache: string; shows: boolean }> = [];
    const servesHitsAgain = await eventually(async () => {
      const res = await latest().expect(200);
      seen.push({ cache: res.headers['x-cache'], shows: JSON.stringify(res.body).includes(story?.slug as string) });
      return res.headers['x-cache'] === 'HIT';
    });
    expect(servesHitsAgain).toBe(true);
    expect(seen.filter((answer) => !answer.shows)).toEqual([]);
    await warm(`/api/articles/by-slug/${story?.slug}`);

    expect(breakerMessages(warnings, /Redis .* is failing/)).toHaveLength(1);
    expect(breakerMessages(infos, /Redis .* answers again/)).toHaveLength(1);
  });

  test('comment submissions during the pause are limited per instance and never fail', async () => {
    const pause = await pauseRedis(PAUSE_MS);
    const submissions = (async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const res = await request(app.server)
          .post(`/api/articles/by-slug/${mainSlug}/comments`)
          .send({ data: { authorName: 'Читател', body: `Коментар по време на паузата ${attempt}.` } });
        statuses.push(res.status);
      }
      return statuses;
    })();
    expect(await settlesBefore(submissions, pause.ended)).toBe(true);
    // COMMENTS_RATE_PER_IP=3, counted in this instance's memory while Redis does not answer.
    expect(await submissions).toEqual([201, 201, 201, 429, 429]);
    await pause.ended;
  });
});
