import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createAdminUser, createFullAccessToken } from '../helpers/fixtures';
import { ARTICLE } from '../../src/uids';
import { translationState } from '../../src/domain/translations/translation-status';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startTestApp();
  token = await createFullAccessToken(app.strapi);
});

afterAll(async () => {
  await app?.close();
});

const articles = () => app.strapi.documents(ARTICLE);
const status = (query: Record<string, unknown>) =>
  request(app.server)
    .get('/api/translations/status')
    .query(query)
    .set({ Authorization: `Bearer ${token}` });

async function stateOf(documentId: string): Promise<string> {
  const res = await status({ locale: 'en', pageSize: 200 }).expect(200);
  return res.body.data.find((item: { documentId: string }) => item.documentId === documentId).status;
}

describe('GET /api/translations/status', () => {
  test('tells which articles are missing, outdated or up to date in a locale', async () => {
    const original = await articles().create({ locale: 'bg', data: { title: 'Статия за превод', lede: 'Оригинал.' } as never });
    await articles().publish({ documentId: original.documentId, locale: 'bg' });
    expect(await stateOf(original.documentId)).toBe('missing');

    await new Promise((resolve) => setTimeout(resolve, 20));
    await articles().update({ documentId: original.documentId, locale: 'en', data: { title: 'An article to translate', lede: 'Translation.' } as never });
    await articles().publish({ documentId: original.documentId, locale: 'en' });
    expect(await stateOf(original.documentId)).toBe('up-to-date');

    await new Promise((resolve) => setTimeout(resolve, 20));
    await articles().update({ documentId: original.documentId, locale: 'bg', data: { lede: 'Оригиналът е променен.' } as never });
    await articles().publish({ documentId: original.documentId, locale: 'bg' });
    expect(await stateOf(original.documentId)).toBe('outdated');

    const onlyOutdated = await status({ locale: 'en', status: 'outdated', pageSize: 200 }).expect(200);
    expect(onlyOutdated.body.data.map((item: { documentId: string }) => item.documentId)).toEqual([original.documentId]);
  });

  test('a status filter applies before paging: every page is full, totals count only matches (more than one page)', async () => {
    // Five new originals: three never translated, two translated (up to date).
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const original = await articles().create({ locale: 'bg', data: { title: `Страници на превода ${i}`, lede: 'Оригинал.' } as never });
      await articles().publish({ documentId: original.documentId, locale: 'bg' });
      if (i % 2 === 1) {
        await articles().update({ documentId: original.documentId, locale: 'en', data: { title: `Translated ${i}` } as never });
        await articles().publish({ documentId: original.documentId, locale: 'en' });
      }
      created.push(original.documentId);
    }
    const everything = (await status({ locale: 'en', pageSize: 200 }).expect(200)).body;
    const expected = everything.data.filter((item: { status: string }) => item.status === 'missing').map((item: { documentId: string }) => item.documentId);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(expected).toEqual(expect.arrayContaining([created[0], created[2], created[4]]));
    // The listing mixes states, so an unfiltered page would hold other items.
    expect(everything.data.some((item: { status: string }) => item.status !== 'missing')).toBe(true);

    const pageSize = 2;
    const pageCount = Math.ceil(expected.length / pageSize);
    const seen: string[] = [];
    for (let page = 1; page <= pageCount; page += 1) {
      const res = await status({ locale: 'en', status: 'missing', page, pageSize }).expect(200);
      expect(res.body.meta.pagination).toEqual({ page, pageSize, pageCount, total: expected.length });
      expect(res.body.data).toHaveLength(page < pageCount ? pageSize : expected.length - pageSize * (pageCount - 1));
      for (const item of res.body.data) expect(item.status).toBe('missing');
      seen.push(...res.body.data.map((item: { documentId: string }) => item.documentId));
    }
    // The same items in the same order as the unfiltered listing.
    expect(seen).toEqual(expected);
    const past = await status({ locale: 'en', status: 'missing', page: pageCount + 1, pageSize }).expect(200);
    expect(past.body.data).toEqual([]);
    const upToDate = await status({ locale: 'en', status: 'up-to-date', pageSize: 1 }).expect(200);
    expect(upToDate.body.meta.pagination.total).toBe(everything.data.filter((item: { status: string }) => item.status === 'up-to-date').length);
  });

  test('the state computed in SQL is the domain rule’s, item by item', async () => {
    const everything = (await status({ locale: 'en', pageSize: 200 }).expect(200)).body.data as Array<{
      status: string;
      original: { changedAt: string | null };
      translation: { updatedAt: string | null } | null;
    }>;
    const states = new Set(everything.map((item) => item.status));
    expect(states).toEqual(new Set(['missing', 'outdated', 'up-to-date']));
    for (const item of everything) {
      expect(item.status).toBe(translationState({ updatedDate: item.original.changedAt }, item.translation ? { updatedAt: item.translation.updatedAt } : null));
    }
  });

  test('the seeded article has an up-to-date English translation', async () => {
    const main = await articles().findFirst({ locale: 'en', status: 'published' });
    expect(await stateOf(main?.documentId as string)).toBe('up-to-date');
  });

  test.each([
    [{}, 400],
    [{ locale: 'bg' }, 400],
    [{ locale: 'xx' }, 400],
    [{ locale: 'en', status: 'old' }, 400],
    [{ locale: 'en', bogus: 1 }, 400],
  ])('answers %j with %s', async (query, code) => {
    const res = await status(query).expect(code);
    expect(res.body.error.message).toBeTruthy();
  });

  test('is not public', async () => {
    await request(app.server).get('/api/translations/status').query({ locale: 'en' }).expect(403);
  });

  test('a translator’s admin session reads it on the admin route', async () => {
    const jwt = await adminLogin(app.server, await createAdminUser(app.strapi, 'novinar-translator'));
    const res = await request(app.server)
      .get('/novinar/translations/status')
      .query({ locale: 'en' })
      .set({ Authorization: `Bearer ${jwt}` })
      .expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    await request(app.server).get('/novinar/translations/status').query({ locale: 'en' }).expect(401);
  });
});

describe('shared fields', () => {
  test('saving a translation does not overwrite the shared values the Bulgarian editors set', async () => {
    const original = await articles().create({ locale: 'bg', data: { title: 'Споделени полета', commentsEnabled: true } as never });
    await articles().publish({ documentId: original.documentId, locale: 'bg' });
    await articles().update({ documentId: original.documentId, locale: 'en', data: { title: 'Shared fields', commentsEnabled: true } as never });
    // The Bulgarian editor closes comments...
    await articles().update({ documentId: original.documentId, locale: 'bg', data: { commentsEnabled: false } as never });
    await articles().publish({ documentId: original.documentId, locale: 'bg' });
    // ...then the translator saves the English form they opened before, with the old value.
    const jwt = await adminLogin(app.server, await createAdminUser(app.strapi, 'novinar-translator'));
    await request(app.server)
      .put(`/content-manager/collection-types/${ARTICLE}/${original.documentId}`)
      .query({ locale: 'en' })
      .set({ Authorization: `Bearer ${jwt}` })
      .send({ title: 'Shared fields, revised', commentsEnabled: true })
      .expect(200);
    await articles().publish({ documentId: original.documentId, locale: 'en' });
    const bg = await articles().findOne({ documentId: original.documentId, locale: 'bg', status: 'published' });
    const bgDraft = await articles().findOne({ documentId: original.documentId, locale: 'bg' });
    const en = await articles().findOne({ documentId: original.documentId, locale: 'en' });
    expect(bg?.commentsEnabled).toBe(false);
    expect(bgDraft?.commentsEnabled).toBe(false);
    expect(en?.title).toBe('Shared fields, revised');
    expect(en?.commentsEnabled).toBe(false);
  });
});
