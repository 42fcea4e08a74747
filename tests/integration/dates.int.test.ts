import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { createFullAccessToken, setAppClock } from '../helpers/fixtures';
import { ARTICLE } from '../../src/uids';

let app: TestApp;
let token: string;

const T0 = new Date('2026-03-10T08:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3600_000);

beforeAll(async () => {
  app = await startTestApp();
  token = await createFullAccessToken(app.strapi);
});

afterEach(() => setAppClock(null));

afterAll(async () => {
  await app?.close();
});

const documents = () => app.strapi.documents(ARTICLE);

async function publicSlugs(query: Record<string, unknown> = {}): Promise<string[]> {
  const res = await request(app.server)
    .get('/api/articles')
    .query({ locale: 'bg', 'pagination[pageSize]': 100, ...query })
    .expect(200);
  return res.body.data.map((article: { slug: string }) => article.slug);
}

describe('publicationDate', () => {
  test('is stamped at the first publication when left empty and not moved by re-publishing', async () => {
    setAppClock(hours(0));
    const draft = await documents().create({ locale: 'bg', data: { title: 'Първа публикация' } as never });
    expect(draft.publicationDate).toBeNull();
    setAppClock(hours(1));
    await documents().publish({ documentId: draft.documentId, locale: 'bg' });
    setAppClock(hours(5));
    await documents().publish({ documentId: draft.documentId, locale: 'bg' });
    const res = await request(app.server).get(`/api/articles/by-slug/${draft.slug}`).expect(200);
    expect(res.body.data.publicationDate).toBe(hours(1).toISOString());
  });

  test('is stamped on a REST create that publishes at once', async () => {
    setAppClock(hours(2));
    const res = await request(app.server)
      .post('/api/articles')
      .set({ Authorization: `Bearer ${token}` })
      .send({ data: { title: 'Веднага публикувано' } })
      .expect(201);
    expect(res.body.data.publicationDate).toBe(hours(2).toISOString());
  });

  test('an editor-set date is kept', async () => {
    setAppClock(hours(3));
    const draft = await documents().create({ locale: 'bg', data: { title: 'С дата от редактор', publicationDate: hours(-24).toISOString() } as never });
    await documents().publish({ documentId: draft.documentId, locale: 'bg' });
    const published = await documents().findOne({ documentId: draft.documentId, locale: 'bg', status: 'published' });
    expect(published?.publicationDate).toBe(hours(-24).toISOString());
  });
});

describe('embargo', () => {
  test('a future publicationDate hides the article from every public endpoint until that moment, then it appears', async () => {
    setAppClock(hours(0));
    const embargoed = await documents().create({ locale: 'bg', data: { title: 'Ембарго до обяд', publicationDate: hours(4).toISOString() } as never });
    await documents().publish({ documentId: embargoed.documentId, locale: 'bg' });
    const slug = embargoed.slug as string;
    const gqlQuery = { query: `{ articles(pagination: { limit: 100 }) { slug } articleBySlug(slug: "${slug}") { slug } }` };

    expect(await publicSlugs()).not.toContain(slug);
    await request(app.server).get(`/api/articles/by-slug/${slug}`).expect(404);
    await request(app.server).get(`/api/articles/${embargoed.documentId}`).expect(404);
    const hidden = await request(app.server).post('/graphql').send(gqlQuery).expect(200);
    expect(hidden.body.data.articles.map((a: { slug: string }) => a.slug)).not.toContain(slug);
    expect(hidden.body.data.articleBySlug).toBeNull();
    // An API token previewing drafts (status=draft) still sees it; without status=draft a token sees what the public sees.
    await request(app.server)
      .get(`/api/articles/${embargoed.documentId}`)
      .set({ Authorization: `Bearer ${token}` })
      .expect(404);
    const preview = await request(app.server)
      .get(`/api/articles/${embargoed.documentId}`)
      .query({ status: 'draft' })
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    expect(preview.body.data.slug).toBe(slug);

    setAppClock(hours(4));
    expect(await publicSlugs()).toContain(slug);
    await request(app.server).get(`/api/articles/by-slug/${slug}`).expect(200);
    const shown = await request(app.server).post('/graphql').send(gqlQuery).expect(200);
    expect(shown.body.data.articleBySlug.slug).toBe(slug);
  });

  test('an embargoed article is not leaked through populated relations or its teaser', async () => {
    setAppClock(hours(0));
    const embargoed = await documents().create({ locale: 'bg', data: { title: 'Скрита история', publicationDate: hours(10).toISOString() } as never });
    await documents().publish({ documentId: embargoed.documentId, locale: 'bg' });
    const teaser = await app.strapi
      .documents('api::teaser.teaser')
      .create({ locale: 'bg', data: { title: 'Карта на скритата история', article: embargoed.documentId } as never });
    await app.strapi.documents('api::teaser.teaser').publish({ documentId: teaser.documentId, locale: 'bg' });
    const tag = await app.strapi.documents('api::tag.tag').findFirst({ locale: 'bg' });
    const picker = await documents().create({ locale: 'bg', data: { title: 'Статия с препратка', relatedArticles: [embargoed.documentId] } as never });
    await documents().update({ documentId: embargoed.documentId, locale: 'bg', data: { tags: [tag?.documentId] } as never });
    await documents().publish({ documentId: embargoed.documentId, locale: 'bg' });
    await documents().publish({ documentId: picker.documentId, locale: 'bg' });

    const withRelated = await request(app.server).get(`/api/articles/${picker.documentId}`).query({ populate: '*' }).expect(200);
    expect(withRelated.body.data.relatedArticles).toEqual([]);
    const teasers = await request(app.server).get('/api/teasers').query({ populate: '*', 'pagination[pageSize]': 100 }).expect(200);
    expect(JSON.stringify(teasers.body)).not.toContain('Скрита история');
    expect(JSON.stringify(teasers.body)).not.toContain('Карта на скритата история');
    const gql = await request(app.server)
      .post('/graphql')
      .send({
        query: `{ articles(pagination: { limit: 100 }) { title relatedArticles { title } } teasers(pagination: { limit: 100 }) { title article { title } } tags { articles { title } } }`,
      })
      .expect(200);
    expect(gql.body.errors).toBeUndefined();
    expect(JSON.stringify(gql.body)).not.toContain('Скрита история');
    expect(JSON.stringify(gql.body)).not.toContain('Карта на скритата история');
  });
});

describe('updatedDate', () => {
  test('records substantive edits after first publication, not a re-publish without changes', async () => {
    setAppClock(hours(0));
    const draft = await documents().create({ locale: 'bg', data: { title: 'Промени в текста', lede: 'Първи лид.' } as never });
    setAppClock(hours(1));
    await documents().update({ documentId: draft.documentId, locale: 'bg', data: { lede: 'Поправен лид преди публикуване.' } as never });
    await documents().publish({ documentId: draft.documentId, locale: 'bg' });
    let published = await documents().findOne({ documentId: draft.documentId, locale: 'bg', status: 'published' });
    expect(published?.updatedDate).toBeNull();

    setAppClock(hours(2));
    await documents().update({ documentId: draft.documentId, locale: 'bg', data: { commentsEnabled: false } as never });
    await documents().publish({ documentId: draft.documentId, locale: 'bg' });
    published = await documents().findOne({ documentId: draft.documentId, locale: 'bg', status: 'published' });
    expect(published?.updatedDate).toBeNull();

    setAppClock(hours(3));
    await documents().update({ documentId: draft.documentId, locale: 'bg', data: { lede: 'Нов лид след публикуване.' } as never });
    await documents().publish({ documentId: draft.documentId, locale: 'bg' });
    setAppClock(hours(6));
    await documents().publish({ documentId: draft.documentId, locale: 'bg' });
    const res = await request(app.server).get(`/api/articles/by-slug/${draft.slug}`).expect(200);
    expect(res.body.data.updatedDate).toBe(hours(3).toISOString());
    expect(res.body.data.updatedDateDisplay).toBe('10 Март, 2026');
    expect(res.body.data.publicationDate).toBe(hours(1).toISOString());
  });
});

describe('display strings', () => {
  test.each([
    ['21:30 UTC before the spring DST change is 23:30 in Sofia (UTC+2)', '2026-03-28T21:30:00.000Z', 'bg', '28 Март, 2026'],
    ['21:30 UTC after the spring DST change is 00:30 next day in Sofia (UTC+3)', '2026-03-29T21:30:00.000Z', 'bg', '30 Март, 2026'],
    ['late evening UTC is already the next day in Sofia (summer, UTC+3)', '2026-10-24T21:30:00.000Z', 'bg', '25 Октомври, 2026'],
    ['after the autumn DST change (UTC+2)', '2026-10-25T21:59:00.000Z', 'bg', '25 Октомври, 2026'],
    ['the next day after the autumn change', '2026-10-25T22:00:00.000Z', 'bg', '26 Октомври, 2026'],
    ['English CLDR long date', '2026-10-24T21:30:00.000Z', 'en', 'October 25, 2026'],
  ])('%s: %s in %s → %s', async (_name, iso, locale, display) => {
    const created = await documents().create({ locale, data: { title: `Дата ${iso} ${locale}`, publicationDate: iso } as never });
    await documents().publish({ documentId: created.documentId, locale });
    const res = await request(app.server).get(`/api/articles/by-slug/${created.slug}`).query({ locale }).expect(200);
    expect(res.body.data.publicationDate).toBe(iso);
    expect(res.body.data.publicationDateDisplay).toBe(display);
    const list = await request(app.server)
      .get('/api/articles')
      .query({ locale, filters: { slug: { $eq: created.slug } } })
      .expect(200);
    expect(list.body.data[0].publicationDateDisplay).toBe(display);
    const gql = await request(app.server)
      .post('/graphql')
      .send({ query: `{ articleBySlug(slug: "${created.slug}", locale: "${locale}") { publicationDateDisplay } }` });
    expect(gql.body.data.articleBySlug.publicationDateDisplay).toBe(display);
  });
});
