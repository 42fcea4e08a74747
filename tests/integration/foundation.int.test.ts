import path from 'path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, articleIdByTitle, createDraftArticle } from '../helpers/fixtures';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.close();
});

describe('locales', () => {
  test('bg is the default locale and en exists, listed publicly', async () => {
    const res = await request(app.server).get('/api/i18n/locales').expect(200);
    const codes = res.body.map((locale: { code: string }) => locale.code).sort();
    expect(codes).toEqual(['bg', 'en']);
    expect(res.body.find((locale: { isDefault: boolean }) => locale.isDefault).code).toBe('bg');
  });

  test('a request without locale gets Bulgarian', async () => {
    const res = await request(app.server).get('/api/articles').expect(200);
    expect(res.body.data.length).toBe(4);
    expect(res.body.data.every((article: { locale: string }) => article.locale === 'bg')).toBe(true);
  });
});

describe('seeded demo newsroom over REST', () => {
  test('the main article is served in bg with agency, cited agencies, tags, section and teaser', async () => {
    const res = await request(app.server)
      .get('/api/articles')
      .query({ locale: 'bg', filters: { title: { $eq: MAIN_TITLE } }, populate: ['sourceAgency', 'citedAgencies', 'tags', 'section', 'teaser', 'cover'] })
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    const [article] = res.body.data;
    expect(article.sourceAgency.creditLine).toBe('БГНЕС');
    expect(article.citedAgencies.map((agency: { creditLine: string }) => agency.creditLine)).toEqual(['АФП']);
    expect(article.tags.length).toBeGreaterThan(0);
    expect(article.section.name).toBe('Свят');
    expect(article.teaser.title).toBe(MAIN_TITLE);
    expect(article.coverCaption).toBe('Ким Чен Ун и Владимир Путин');
    expect(article.cover.alternativeText).toBeTruthy();
    expect(article.publicationDate).toBe('2025-12-22T09:30:00.000Z');
    expect(article.body[0].type).toBe('paragraph');
  });

  test('the English variant is served with English agency credit', async () => {
    const res = await request(app.server)
      .get('/api/articles')
      .query({ locale: 'en', populate: ['sourceAgency', 'tags', 'teaser'] })
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    const [article] = res.body.data;
    expect(article.locale).toBe('en');
    expect(article.title).toMatch(/Putin/);
    expect(article.sourceAgency.creditLine).toBe('BGNES');
    expect(article.tags.length).toBeGreaterThan(0);
    expect(article.teaser.title).toMatch(/Putin/);
  });

  test('the three stories under it are published with teasers', async () => {
    const res = await request(app.server)
      .get('/api/teasers')
      .query({ locale: 'bg', populate: ['article'] })
      .expect(200);
    const titles = res.body.data.map((teaser: { title: string }) => teaser.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Пикът на последния за 2025 г. метеорен поток е на 22 декември', 'Освободиха отвлечените 130 нигерийски деца']),
    );
    expect(res.body.data.every((teaser: { article: unknown }) => teaser.article)).toBe(true);
  });

  test('seeding again creates nothing twice', async () => {
    const { seedDemo } = require('../../dist/src/seed/seed-demo') as typeof import('../../src/seed/seed-demo');
    await seedDemo(app.strapi, path.join(app.strapi.dirs.app.root, 'src', 'seed', 'data'));
    const res = await request(app.server).get('/api/articles').query({ locale: 'bg' }).expect(200);
    expect(res.body.meta.pagination.total).toBe(4);
  });
});

describe('seeded demo newsroom over GraphQL', () => {
  test.each([
    ['bg', 'БГНЕС', 'Свят'],
    ['en', 'BGNES', 'World'],
  ])('articles(locale: %s) include agency, tags and teaser', async (locale, credit, section) => {
    const res = await request(app.server)
      .post('/graphql')
      .send({
        query: `query ($locale: I18NLocaleCode) { articles(locale: $locale, filters: { sourceAgency: { creditLine: { eq: "${credit}" } } }) {
          title locale sourceAgency { creditLine } section { name } tags { name } teaser { title } } }`,
        variables: { locale },
      })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    const main = res.body.data.articles.find((article: { title: string }) => /Путин|Putin/.test(article.title));
    expect(main.locale).toBe(locale);
    expect(main.sourceAgency.creditLine).toBe(credit);
    expect(main.section.name).toBe(section);
    expect(main.tags.length).toBeGreaterThan(0);
    expect(main.teaser.title).toBe(main.title);
  });
});

describe('public role', () => {
  const DRAFT_TITLE = 'Чернова, която никой не бива да вижда';

  beforeAll(async () => {
    await createDraftArticle(app.strapi, { title: DRAFT_TITLE });
  });

  test.each([
    ['REST list', { locale: 'bg' }],
    ['REST list with status=draft', { locale: 'bg', status: 'draft' }],
  ])('never sees drafts: %s', async (_name, query) => {
    const res = await request(app.server).get('/api/articles').query(query);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_TITLE);
  });

  test('never sees drafts by documentId', async () => {
    const documentId = await articleIdByTitle(app.strapi, DRAFT_TITLE);
    await request(app.server).get(`/api/articles/${documentId}`).expect(404);
    const res = await request(app.server).get(`/api/articles/${documentId}`).query({ status: 'draft' });
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_TITLE);
  });

  test('never sees drafts over GraphQL', async () => {
    const res = await request(app.server).post('/graphql').send({ query: '{ a: articles(status: DRAFT) { title } b: articles { title } }' });
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_TITLE);
  });

  test.each(['articles', 'teasers', 'source-agencies', 'tags', 'sections'])('gets 403 on create, update and delete of %s', async (plural) => {
    await request(app.server)
      .post(`/api/${plural}`)
      .send({ data: { title: 'x', name: 'x' } })
      .expect(403);
    await request(app.server)
      .put(`/api/${plural}/abc`)
      .send({ data: { title: 'x' } })
      .expect(403);
    await request(app.server).delete(`/api/${plural}/abc`).expect(403);
  });

  test('comments have no core endpoints at all (only the comment routes)', async () => {
    await request(app.server).get('/api/comments').expect(404);
    await request(app.server).get('/api/comments/abc').expect(404);
    for (const res of [
      await request(app.server)
        .post('/api/comments')
        .send({ data: { body: 'x' } }),
      await request(app.server)
        .put('/api/comments/abc')
        .send({ data: { body: 'x' } }),
      await request(app.server).delete('/api/comments/abc'),
    ]) {
      expect([404, 405]).toContain(res.status);
    }
  });

  test('unknown query parameters get a 400 with a message', async () => {
    const res = await request(app.server).get('/api/articles').query({ bogus: '1' }).expect(400);
    expect(res.body.error.message).toMatch(/bogus/);
  });
});
