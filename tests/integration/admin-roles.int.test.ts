import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createAdminUser } from '../helpers/fixtures';
import { ARTICLE, COMMENT } from '../../src/uids';
import { ROLE_TEXTS } from '../../src/bootstrap/admin-roles';

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

describe('role names in Bulgarian', () => {
  const BULGARIAN = {
    'strapi-super-admin': 'Главен администратор',
    'strapi-editor': 'Редактор',
    'strapi-author': 'Автор',
    'novinar-moderator': 'Модератор',
    'novinar-translator': 'Преводач',
  };
  const ensureAdminRoles = () =>
    (require('../../dist/src/bootstrap/admin-roles') as typeof import('../../src/bootstrap/admin-roles')).ensureAdminRoles(app.strapi, ['bg', 'en']);
  const roleByCode = async (code: string) =>
    app.strapi.db.query('admin::role').findOne({ where: { code } }) as Promise<{ id: number; name: string; description: string }>;
  const rename = async (code: string, data: { name?: string; description?: string }) =>
    app.strapi.db.query('admin::role').update({ where: { id: (await roleByCode(code)).id }, data });

  test("every role (Strapi's three and ours) is named in Bulgarian in the admin API, found by its unchanged code", async () => {
    const jwt = await adminLogin(app.server, await createAdminUser(app.strapi));
    const res = await request(app.server)
      .get('/admin/roles')
      .set({ Authorization: `Bearer ${jwt}` })
      .expect(200);
    const roles = res.body.data as Array<{ code: string; name: string; description: string }>;
    expect(Object.fromEntries(roles.filter((role) => role.code in BULGARIAN).map((role) => [role.code, role.name]))).toEqual(BULGARIAN);
    for (const role of roles) expect(`${role.name} ${role.description}`).not.toMatch(/[A-Za-z]/);
  });

  test("what the profile and the users list show: the signed-in user's role, in Bulgarian", async () => {
    const jwt = await adminLogin(app.server, await createAdminUser(app.strapi, 'novinar-moderator'));
    const me = await request(app.server)
      .get('/admin/users/me')
      .set({ Authorization: `Bearer ${jwt}` })
      .expect(200);
    expect(me.body.data.roles.map((role: { name: string }) => role.name)).toEqual(['Модератор']);
    const superJwt = await adminLogin(app.server, await createAdminUser(app.strapi));
    const users = await request(app.server)
      .get('/admin/users')
      .query({ pageSize: 100 })
      .set({ Authorization: `Bearer ${superJwt}` })
      .expect(200);
    const names = new Set((users.body.data.results as Array<{ roles: Array<{ name: string }> }>).flatMap((user) => user.roles.map((role) => role.name)));
    expect([...names]).toEqual(expect.arrayContaining(['Главен администратор', 'Модератор']));
    for (const name of names) expect(Object.values(BULGARIAN)).toContain(name);
  });

  test('a role still carrying its English name (an install from before) is renamed at bootstrap; one an administrator renamed is kept', async () => {
    for (const [code, text] of Object.entries(ROLE_TEXTS)) await rename(code, text.en);
    await ensureAdminRoles();
    for (const [code, text] of Object.entries(ROLE_TEXTS))
      expect(await roleByCode(code)).toMatchObject({ name: text.bg.name, description: text.bg.description });

    await rename('strapi-editor', { name: 'Отговорен редактор', description: 'Нашите редактори.' });
    await ensureAdminRoles();
    expect(await roleByCode('strapi-editor')).toMatchObject({ name: 'Отговорен редактор', description: 'Нашите редактори.' });

    // Idempotent: a second run changes nothing and creates no second Moderator or Translator.
    await ensureAdminRoles();
    expect(await app.strapi.db.query('admin::role').count({ where: { code: { $in: ['novinar-moderator', 'novinar-translator'] } } })).toBe(2);
    await rename('strapi-editor', ROLE_TEXTS['strapi-editor'].bg);
  });

  test('a Bulgarian name another role already has is not forced on (role names are unique)', async () => {
    await rename('strapi-editor', { name: 'Editor' });
    await rename('strapi-author', { name: 'Редактор' });
    await ensureAdminRoles();
    expect((await roleByCode('strapi-editor')).name).toBe('Editor');
    await rename('strapi-author', ROLE_TEXTS['strapi-author'].bg);
    await ensureAdminRoles();
    expect((await roleByCode('strapi-editor')).name).toBe('Редактор');
  });
});
