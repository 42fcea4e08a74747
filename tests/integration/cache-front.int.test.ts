import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, createFullAccessToken, setAppClock } from '../helpers/fixtures';
import { ARTICLE } from '../../src/uids';
import type { CacheFrontStats } from '../../src/middlewares/cache-front';

/**
 * The cache front (src/middlewares/cache-front.ts) answers repeated public reads before the
 * middleware stack. Its answers must be the stack's answers (same headers, same body) and it
 * must never answer what the stack would not answer from the cache.
 */
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

const stats = (): CacheFrontStats => app.strapi.get('novinar.cacheFront.stats') as CacheFrontStats;
/** Headers that differ between any two responses: framing, the date, and the cache's own verdict. */
const PER_RESPONSE = new Set(['date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'x-cache']);
const comparable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name)));

async function waitForPrepared(count: number): Promise<void> {
  for (let i = 0; i < 100 && stats().prepared < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(stats().prepared).toBeGreaterThanOrEqual(count);
}

function get(path: string, headers: Record<string, string> = {}) {
  return request(app.server).get(path).set(headers);
}

/** Asks twice: the stack answers and stores it (the front keeps its answer), then the front answers it. */
async function throughTheFront(path: string, headers: Record<string, string> = {}) {
  const prepared = stats().prepared;
  let hits = stats().hits;
  const miss = await get(path, headers).expect(200);
  expect(stats().hits).toBe(hits);
  await waitForPrepared(prepared + 1);
  hits = stats().hits;
  const frontHit = await get(path, headers).expect(200);
  expect(stats().hits).toBe(hits + 1);
  return { miss, frontHit };
}

describe('cache front', () => {
  const variants: Array<[string, Record<string, string>]> = [
    ['brotli', { 'Accept-Encoding': 'br' }],
    ['gzip, from a browser origin', { 'Accept-Encoding': 'gzip', Origin: 'https://reader.example.bg' }],
    ['no compression', { 'Accept-Encoding': 'identity' }],
  ];

  test.each(variants)('a hit carries the headers and body of the miss (%s)', async (_name, headers) => {
    // The first variant asked is stored (MISS), the others are answered from that entry by the stack (HIT).
    const { miss, frontHit } = await throughTheFront(`/api/articles/by-slug/${mainSlug}`, headers);
    expect(['MISS', 'HIT']).toContain(miss.headers['x-cache']);
    expect(frontHit.headers['x-cache']).toBe('HIT');
    expect(comparable(frontHit.headers)).toEqual(comparable(miss.headers));
    expect(frontHit.body).toEqual(miss.body);
    // What the stack's middlewares set is there: security headers, CORS, caching, compression.
    expect(frontHit.headers['x-content-type-options']).toBe('nosniff');
    expect(frontHit.headers['content-security-policy']).toBeDefined();
    expect(frontHit.headers.vary).toMatch(/Accept-Encoding/);
    expect(frontHit.headers['cache-control']).toMatch(/^public, /);
    if (headers.Origin) expect(frontHit.headers['access-control-allow-origin']).toBe(headers.Origin);
    if (headers['Accept-Encoding'] !== 'identity') expect(frontHit.headers['content-encoding']).toBe(headers['Accept-Encoding']);
    else expect(frontHit.headers['content-encoding']).toBeUndefined();
  });

  test('each Accept-Encoding and Origin gets the headers the stack gave it, never another variant', async () => {
    const path = '/api/teasers/latest?limit=7';
    await throughTheFront(path, { 'Accept-Encoding': 'br' });
    const hits = stats().hits;
    const plain = await get(path, { 'Accept-Encoding': 'identity', Origin: 'https://other.example' }).expect(200);
    expect(stats().hits).toBe(hits);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['access-control-allow-origin']).toBe('https://other.example');
  });

  test('answers 304 to a matching If-None-Match, as the stack does', async () => {
    const path = '/api/teasers/latest?limit=6';
    const { miss } = await throughTheFront(path, { 'Accept-Encoding': 'gzip' });
    const hits = stats().hits;
    const fromFront = await get(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': miss.headers.etag }).expect(304);
    expect(stats().hits).toBe(hits + 1);
    expect(fromFront.text).toBe('');
    expect(fromFront.headers['content-encoding']).toBeUndefined();
    expect(fromFront.headers.etag).toBe(miss.headers.etag);
  });

  test('HEAD is answered from the GET answer, without a body', async () => {
    const path = '/api/teasers/latest?limit=5';
    const { frontHit } = await throughTheFront(path, { 'Accept-Encoding': 'gzip' });
    const hits = stats().hits;
    const head = await request(app.server).head(path).set('Accept-Encoding', 'gzip').expect(200);
    expect(stats().hits).toBe(hits + 1);
    expect(head.headers.etag).toBe(frontHit.headers.etag);
    expect(head.text ?? '').toBe('');
  });
});

describe('cache front: what it must never answer', () => {
  test('a request with credentials goes through the stack, private and uncached', async () => {
    const path = '/api/articles?locale=bg&fields[0]=title';
    await throughTheFront(path);
    const hits = stats().hits;
    const res = await get(path, { Authorization: `Bearer ${token}` }).expect(200);
    expect(stats().hits).toBe(hits);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-cache']).toBeUndefined();
  });

  test('a draft change is never answered, and an unpublished story is gone at once', async () => {
    const created = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Предна страница на кеша' } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: created.documentId, locale: 'bg' });
    const slug = ((await app.strapi.documents(ARTICLE).findOne({ documentId: created.documentId, locale: 'bg', status: 'published' })) as { slug: string })
      .slug;
    const path = `/api/articles/by-slug/${slug}`;
    await throughTheFront(path);

    await app.strapi.documents(ARTICLE).update({ documentId: created.documentId, locale: 'bg', data: { title: 'Чернова на предната страница' } as never });
    const afterDraft = await get(path).expect(200);
    expect(JSON.stringify(afterDraft.body)).not.toContain('Чернова на предната страница');

    await app.strapi.documents(ARTICLE).unpublish({ documentId: created.documentId, locale: 'bg' });
    const hits = stats().hits;
    const gone = await get(path);
    expect(gone.status).toBe(404);
    expect(stats().hits).toBe(hits);
    expect(JSON.stringify(gone.body)).not.toContain('Предна страница на кеша');
  });

  test('an entry past the next embargo release is not answered', async () => {
    const release = new Date(Date.now() + 60 * 60 * 1000);
    const created = await app.strapi
      .documents(ARTICLE)
      .create({ locale: 'bg', data: { title: 'Ембарго пред кеша', publicationDate: release.toISOString() } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: created.documentId, locale: 'bg' });
    const path = '/api/teasers/latest?limit=4';
    const { frontHit } = await throughTheFront(path);
    expect(JSON.stringify(frontHit.body)).not.toContain('Ембарго пред кеша');
    setAppClock(new Date(release.getTime() + 1000));
    const hits = stats().hits;
    const after = await get(path).expect(200);
    expect(stats().hits).toBe(hits);
    expect(JSON.stringify(after.body)).toContain('Ембарго пред кеша');
  });
});
