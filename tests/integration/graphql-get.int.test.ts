/**
 * GraphQL over GET and automatic persisted queries (APQ): cacheable like REST (ETag,
 * Cache-Control, the response cache), mutations refused, and every GraphQL protection (cost,
 * aliases, fragment guard, public guard) applying to GET and to persisted queries.
 */
import crypto from 'crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE } from '../../src/uids';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'true' });
});

afterAll(async () => {
  await app?.close();
});

const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const LATEST = 'query Latest($limit: Int) { latestTeasers(locale: "bg", limit: $limit) { cards { title slug } } }';
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const apq = (query: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

function gqlGet(params: Record<string, string>, headers: Record<string, string> = PREFLIGHT) {
  return request(app.server).get('/graphql').query(params).set(headers);
}

describe('GraphQL over GET', () => {
  test('a query answers with ETag and Cache-Control, from the cache the second time, 304 on If-None-Match', async () => {
    const params = { query: LATEST, variables: JSON.stringify({ limit: 4 }) };
    const first = await gqlGet(params).expect(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.latestTeasers.cards.length).toBeGreaterThan(1);
    expect(first.headers.etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+$/);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await gqlGet(params).expect(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(first.body);
    await gqlGet(params, { ...PREFLIGHT, 'If-None-Match': first.headers.etag }).expect(304);
  });

  test('a publish invalidates GET answers like POST ones', async () => {
    const params = { query: LATEST, variables: JSON.stringify({ limit: 3 }) };
    await gqlGet(params).expect(200);
    expect((await gqlGet(params).expect(200)).headers['x-cache']).toBe('HIT');
    const created = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Свежа история за GET заявките' } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: created.documentId, locale: 'bg' });
    const after = await gqlGet(params).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.latestTeasers.cards.map((card: { title: string }) => card.title)).toContain('Свежа история за GET заявките');
  });

  test('mutations are refused over GET (405), and a GET without a preflight header is refused and never cached', async () => {
    const mutation = await gqlGet({ query: 'mutation { createComment(data: {}) { documentId } }' });
    expect([400, 405]).toContain(mutation.status);
    const unknownMutation = await gqlGet({ query: 'mutation M { __typename }' });
    expect(unknownMutation.status).toBe(405);
    const simple = await request(app.server).get('/graphql').query({ query: LATEST }).set('Accept', 'application/json');
    expect(simple.status).toBe(400);
    expect(simple.headers['x-cache']).toBeUndefined();
  });

  test('the cost limit, the fragment guard and the public guard apply to GET', async () => {
    const heavy = await gqlGet({ query: '{ articles(pagination: { limit: 100 }) { title tags { name } related(limit: 20) { title } } }' });
    expect(heavy.status).toBe(400);
    expect(heavy.body.errors[0].message).toMatch(/too expensive/);
    const cyclic = await gqlGet({ query: 'query { articles { ...A } } fragment A on Article { ...A }' });
    expect(cyclic.status).toBe(400);
    const oracle = await gqlGet({ query: '{ tags(filters: { articles: { lede: { contains: "x" } } }) { name } }' });
    expect(oracle.status).toBe(400);
  });
});

describe('automatic persisted queries', () => {
  test('an unknown hash asks for the query; once sent, the hash alone answers over GET, cached', async () => {
    const query = 'query LatestTwo { latestTeasers(locale: "bg", limit: 2) { cards { slug } } }';
    const miss = await gqlGet({ extensions: apq(query) });
    expect(JSON.stringify(miss.body)).toMatch(/PersistedQueryNotFound/);
    expect(miss.headers['x-cache']).toBeUndefined();
    const register = await gqlGet({ query, extensions: apq(query) }).expect(200);
    expect(register.body.data.latestTeasers.cards).toHaveLength(2);
    const byHash = await gqlGet({ extensions: apq(query) }).expect(200);
    expect(byHash.body).toEqual(register.body);
    expect(byHash.headers.etag).toMatch(/^W\/"/);
    expect((await gqlGet({ extensions: apq(query) }).expect(200)).headers['x-cache']).toBe('HIT');
  });

  test('a persisted query passes the same guards: a refused query is never stored under its hash', async () => {
    for (const query of [
      '{ articles(pagination: { limit: 100 }) { title tags { name } related(limit: 20) { title } } }',
      'query { articles { ...A } } fragment A on Article { ...A }',
      '{ tags(filters: { articles: { lede: { contains: "x" } } }) { name } }',
      `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: sections { name }`).join(' ')} }`,
    ]) {
      const register = await request(app.server)
        .post('/graphql')
        .send({ query, extensions: JSON.parse(apq(query)) });
      expect({ query, status: register.status }).toEqual({ query, status: 400 });
      const byHash = await gqlGet({ extensions: apq(query) });
      expect(JSON.stringify(byHash.body)).toMatch(/PersistedQueryNotFound/);
    }
  });

  test('a hash that does not match its query is refused', async () => {
    const res = await gqlGet({ query: LATEST, extensions: apq('{ __typename }') });
    expect(res.status).toBe(400);
  });
});
