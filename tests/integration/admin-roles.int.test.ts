import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createAdminUser } from '../helpers/fixtures';
import { ARTICLE, COMMENT } from '../../src/uids';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: 'true' });
});

afterAll(async () => {
  await app?.close();
});

const CM = '/content-manager/collection-types';

test('a Moderator approves a comment in the admin and the public count rises', async () => {
  const jwt = await adminLogin(app.server, await createAdminUser(app.strapi, 'novinar-moderator'));
  const auth = { Authorization: `Bearer ${jwt}` };
  const article = await app.strapi.documents(ARTICLE).findFirst({ locale: 'bg', status: 'published' });
  const slug = article?.slug as string;
  const submitted = await request(app.server)
    .post(`/api/articles/by-slug/${slug}/comments`)
    .send({ data: { authorName: 'Читател', body: 'Чака модерация.' } })
    .expect(201);
  const counts = async () => (await request(app.server).get('/api/comments/counts').query({ slugs: slug }).expect(200)).body.data[slug];
  expect(await counts()).toBe(0);

  const queue = await request(app.server).get(`${CM}/${COMMENT}`).query({ 'filters[moderationStatus][$eq]': 'pending' }).set(auth).expect(200);
  expect(queue.body.results.map((comment: { documentId: string }) => comment.documentId)).toContain(submitted.body.data.documentId);

  const approved = await request(app.server).put(`${CM}/${COMMENT}/${submitted.body.data.documentId}`).set(auth).send({ moderationStatus: 'approved' });
  expect(approved.status).toBe(200);
  expect(await counts()).toBe(1);

  // Moderators do not edit articles.
  await request(app.server).put(`${CM}/${ARTICLE}/${article?.documentId}`).query({ locale: 'bg' }).set(auth).send({ title: 'Подменено' }).expect(403);
});

test('a Translator may edit the English variant but not the Bulgarian original', async () => {
  const jwt = await adminLogin(app.server, await createAdminUser(app.strapi, 'novinar-translator'));
  const auth = { Authorization: `Bearer ${jwt}` };
  const article = await app.strapi.documents(ARTICLE).findFirst({ locale: 'en', status: 'published' });
  await request(app.server).put(`${CM}/${ARTICLE}/${article?.documentId}`).query({ locale: 'bg' }).set(auth).send({ title: 'Опит за промяна' }).expect(403);
  const res = await request(app.server)
    .put(`${CM}/${ARTICLE}/${article?.documentId}`)
    .query({ locale: 'en' })
    .set(auth)
    .send({ title: 'Isolated Putin courts Kim Jong Un' });
  expect(res.status).toBe(200);
  expect(res.body.data.title).toBe('Isolated Putin courts Kim Jong Un');
});
