/**
 * Breaking („Извънредно“) and featured („Водеща“) stories: cards carry the flags active now,
 * /api/teasers/latest?flag= (and GraphQL latestTeasers(flag:)) list only stories flagged now,
 * with the same cursor paging, and a flag ends by itself at its end time: a cached answer stops
 * showing it then, with no write in between (the app's clock is moved, not waited for).
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createSuperAdmin, graphql, setAppClock } from '../helpers/fixtures';
import { ARTICLE } from '../../src/uids';

let app: TestApp;
const T0 = new Date('2026-12-02T06:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'true', RESPONSE_CACHE_TTL: '300' });
});

afterEach(() => setAppClock(null));

afterAll(async () => {
  await app?.close();
});

const documents = () => app.strapi.documents(ARTICLE);

async function publish(title: string, data: Record<string, unknown> = {}, locale = 'bg') {
  const draft = await documents().create({ locale, data: { title, lede: 'Лийд.', ...data } as never });
  await documents().publish({ documentId: draft.documentId, locale });
  const published = await documents().findOne({ documentId: draft.documentId, locale, status: 'published' });
  return { documentId: draft.documentId, slug: published?.slug as string };
}

const latest = (query: Record<string, unknown>) =>
  request(app.server)
    .get('/api/teasers/latest')
    .query({ limit: 50, ...query });
const ids = (body: { data: Array<{ documentId: string }> }) => body.data.map((card) => card.documentId);

describe('GET /api/teasers/latest?flag=', () => {
  test('lists only stories whose flag is on now, newest first, with the latest feed’s cursor paging', async () => {
    setAppClock(at(0));
    const minute = (n: number) => at(-3600 + n * 60).toISOString();
    const breaking = [];
    for (let i = 0; i < 3; i += 1) breaking.push(await publish(`Извънредно ${i}`, { breaking: true, publicationDate: minute(i) }));
    const ended = await publish('Извънредно, което е отминало', { breaking: true, breakingUntil: at(-60).toISOString(), publicationDate: minute(10) });
    const until = await publish('Извънредно до обед', { breaking: true, breakingUntil: at(7200).toISOString(), publicationDate: minute(11) });
    const featured = await publish('Водеща тема на деня', { featured: true, publicationDate: minute(12) });
    const plain = await publish('Обикновена новина', { publicationDate: minute(13) });

    const all = await latest({ flag: 'breaking' }).expect(200);
    expect(ids(all.body)).toEqual([until.documentId, breaking[2].documentId, breaking[1].documentId, breaking[0].documentId]);
    expect(all.body.data.every((card: { flags: string[] }) => card.flags.includes('breaking'))).toBe(true);

    const first = await latest({ flag: 'breaking', limit: 3 }).expect(200);
    expect(ids(first.body)).toEqual([until.documentId, breaking[2].documentId, breaking[1].documentId]);
    expect(first.body.meta.nextCursor).toEqual(expect.any(String));
    const second = await latest({ flag: 'breaking', limit: 3, cursor: first.body.meta.nextCursor }).expect(200);
    expect(ids(second.body)).toEqual([breaking[0].documentId]);
    expect(second.body.meta.nextCursor).toBeNull();

    const feat = await latest({ flag: 'featured' }).expect(200);
    expect(ids(feat.body)).toEqual([featured.documentId]);
    expect(feat.body.data[0].flags).toEqual(['featured']);

    // The unfiltered feed carries each card's active flags (none for an ended one).
    const cards = new Map((await latest({}).expect(200)).body.data.map((card: { documentId: string; flags: string[] }) => [card.documentId, card.flags]));
    expect(cards.get(plain.documentId)).toEqual([]);
    expect(cards.get(ended.documentId)).toEqual([]);
    expect(cards.get(until.documentId)).toEqual(['breaking']);
    expect(cards.get(featured.documentId)).toEqual(['featured']);

    const gql = await graphql(
      request(app.server),
      'query($c: String) { latestTeasers(locale: "bg", limit: 3, flag: breaking, cursor: $c) { cards { documentId flags } nextCursor } }',
    );
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.latestTeasers.cards.map((card: { documentId: string }) => card.documentId)).toEqual(ids(first.body));
    const gqlNext = await graphql(
      request(app.server),
      'query($c: String) { latestTeasers(locale: "bg", limit: 3, flag: breaking, cursor: $c) { cards { documentId } nextCursor } }',
      { c: gql.body.data.latestTeasers.nextCursor },
    );
    expect(gqlNext.body.data.latestTeasers.cards.map((card: { documentId: string }) => card.documentId)).toEqual([breaking[0].documentId]);
  });

  test.each([['urgent'], [''], ['Breaking']])('flag=%j is a 400 that names the accepted values', async (flag) => {
    const res = await latest({ flag }).expect(400);
    expect(res.body.error.message).toBe('flag must be one of breaking, featured.');
  });

  test('a repeated flag and a GraphQL value outside the enum are 400 too', async () => {
    await request(app.server).get('/api/teasers/latest?flag=breaking&flag=featured').expect(400);
    const gql = await graphql(request(app.server), '{ latestTeasers(flag: urgent) { cards { documentId } } }');
    expect(gql.status).toBe(400);
  });
});

describe('expiry on the clock', () => {
  test('a cached flagged list, card and by-slug answer stop showing the flag at its end time without a write', async () => {
    setAppClock(at(100_000));
    const story = await publish('Извънредно: буря над Варна', { breaking: true, breakingUntil: at(100_060).toISOString(), featured: true });

    const flagged = await latest({ flag: 'breaking' }).expect(200);
    expect(ids(flagged.body)).toContain(story.documentId);
    const again = await latest({ flag: 'breaking' }).expect(200);
    expect(again.headers['x-cache']).toBe('HIT');
    const bySlug = await request(app.server).get(`/api/articles/by-slug/${story.slug}`).expect(200);
    expect(bySlug.body.data.flags).toEqual(['breaking', 'featured']);
    const gqlQuery = `{ articleBySlug(slug: "${story.slug}") { flags } latestTeasers(flag: breaking, limit: 50) { cards { documentId flags } } }`;
    const gqlBefore = await graphql(request(app.server), gqlQuery);
    expect(gqlBefore.body.data.articleBySlug.flags).toEqual(['breaking', 'featured']);
    expect(gqlBefore.body.data.latestTeasers.cards.map((card: { documentId: string }) => card.documentId)).toContain(story.documentId);

    // One second past the end (well inside the cache's 300 s TTL): no write happened.
    setAppClock(at(100_061));
    const after = await latest({ flag: 'breaking' }).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(ids(after.body)).not.toContain(story.documentId);
    const card = (await latest({}).expect(200)).body.data.find((item: { documentId: string }) => item.documentId === story.documentId);
    expect(card.flags).toEqual(['featured']);
    expect(ids((await latest({ flag: 'featured' }).expect(200)).body)).toContain(story.documentId);
    const bySlugAfter = await request(app.server).get(`/api/articles/by-slug/${story.slug}`).expect(200);
    expect(bySlugAfter.body.data.flags).toEqual(['featured']);
    const gqlAfter = await graphql(request(app.server), gqlQuery);
    expect(gqlAfter.body.data.articleBySlug.flags).toEqual(['featured']);
    expect(gqlAfter.body.data.latestTeasers.cards.map((card: { documentId: string }) => card.documentId)).not.toContain(story.documentId);
  });

  test('the go-live worker’s tick re-reads the clock, so a flag end set through another instance caps this one’s entries', async () => {
    setAppClock(at(200_000));
    const story = await publish('Водеща за час', { featured: true, featuredUntil: at(200_030).toISOString() });
    const cache = require('../../dist/src/cache/response-cache') as typeof import('../../src/cache/response-cache');
    // As if the write had happened on another instance: this one's clock does not know of it.
    cache.setNextEmbargoRelease(null);
    const golive = require('../../dist/src/golive') as typeof import('../../src/golive');
    await golive.goLiveWorker()?.tick();
    expect(cache.nextEmbargoRelease()).toBe(at(200_030).getTime());
    expect(ids((await latest({ flag: 'featured' }).expect(200)).body)).toContain(story.documentId);
    setAppClock(at(200_031));
    expect(ids((await latest({ flag: 'featured' }).expect(200)).body)).not.toContain(story.documentId);
  });
});

describe('flags belong to each locale variant and to the editor', () => {
  test('a flag on the English variant flags the English card only', async () => {
    const story = await publish('Новина само на български');
    await documents().update({ documentId: story.documentId, locale: 'en', data: { title: 'Breaking in English only', breaking: true } as never });
    await documents().publish({ documentId: story.documentId, locale: 'en' });
    expect(ids((await latest({ flag: 'breaking', locale: 'en' }).expect(200)).body)).toContain(story.documentId);
    expect(ids((await latest({ flag: 'breaking', locale: 'bg' }).expect(200)).body)).not.toContain(story.documentId);
  });

  test('the stored flag fields are not on the public API and cannot be filtered on (only the active `flags`)', async () => {
    const story = await publish('Извънредно, но не като поле', { breaking: true, breakingUntil: at(10 ** 9).toISOString() });
    const one = await request(app.server).get(`/api/articles/${story.documentId}`).expect(200);
    expect(one.body.data).not.toHaveProperty('breaking');
    expect(one.body.data).not.toHaveProperty('breakingUntil');
    await request(app.server).get('/api/articles?filters[breaking][$eq]=true').expect(400);
    const gql = await graphql(request(app.server), '{ articles(filters: { breaking: { eq: true } }) { title } }');
    expect(gql.status).toBe(400);
  });

  test('an editor flags a story in the admin panel with an end time, and the card shows it', async () => {
    const jwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
    const story = await publish('Редакторът отбелязва извънредна новина');
    const base = `/content-manager/collection-types/${ARTICLE}/${story.documentId}`;
    await request(app.server)
      .put(base)
      .query({ locale: 'bg' })
      .set('Authorization', `Bearer ${jwt}`)
      .send({ breaking: true, breakingUntil: new Date(Date.now() + 3_600_000).toISOString() })
      .expect(200);
    expect(ids((await latest({ flag: 'breaking' }).expect(200)).body)).not.toContain(story.documentId);
    await request(app.server).post(`${base}/actions/publish`).query({ locale: 'bg' }).set('Authorization', `Bearer ${jwt}`).send({}).expect(200);
    expect(ids((await latest({ flag: 'breaking' }).expect(200)).body)).toContain(story.documentId);
  });
});
