import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createSuperAdmin } from '../helpers/fixtures';
import { ARTICLE } from '../../src/uids';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.close();
});

describe('Cyrillic case-insensitive filtering', () => {
  test.each(['путин', 'ПУТИН', 'Путин', 'пУтИн'])('$containsi "%s" finds "Путин" over REST', async (needle) => {
    const res = await request(app.server).get('/api/articles').query({ filters: { title: { $containsi: needle } } }).expect(200);
    expect(res.body.data.map((article: { title: string }) => article.title)).toEqual([expect.stringContaining('Путин')]);
  });

  test('$eqi and GraphQL containsi fold Cyrillic case too', async () => {
    const res = await request(app.server).get('/api/tags').query({ filters: { name: { $eqi: 'русия' } } }).expect(200);
    expect(res.body.data.map((tag: { name: string }) => tag.name)).toEqual(['Русия']);
    const gql = await request(app.server).post('/graphql').send({ query: '{ articles(filters: { title: { containsi: "ким чен ун" } }) { title } }' }).expect(200);
    expect(gql.body.data.articles).toHaveLength(1);
  });

  test('the admin panel list search finds Cyrillic of another case', async () => {
    const jwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
    const res = await request(app.server)
      .get(`/content-manager/collection-types/${ARTICLE}`)
      .query({ _q: 'путин', locale: 'bg' })
      .set({ Authorization: `Bearer ${jwt}` })
      .expect(200);
    expect(res.body.results.map((article: { title: string }) => article.title)).toEqual([expect.stringContaining('Путин')]);
  });
});
