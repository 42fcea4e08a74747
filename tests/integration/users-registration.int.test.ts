import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';

const USER = 'plugin::users-permissions.user';
const advancedStore = (app: TestApp) => app.strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
const advanced = async (app: TestApp) => (await advancedStore(app).get()) as Record<string, unknown>;

function register(app: TestApp, name: string) {
  return request(app.server)
    .post('/api/auth/local/register')
    .send({ username: name, email: `${name}@example.com`, password: 'Reader-Password-1' });
}

const registerMutation = (name: string) =>
  `mutation { register(input: { username: "${name}", email: "${name}@example.com", password: "Reader-Password-1" }) { jwt } }`;

describe('by default', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ USERS_REGISTRATION: 'false' });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('the users-permissions advanced setting allow_register is off after boot, the others untouched', async () => {
    expect(await advanced(app)).toMatchObject({ allow_register: false, unique_email: true, email_confirmation: false, default_role: 'authenticated' });
  });

  test('POST /api/auth/local/register is refused and creates no user, hands out no JWT', async () => {
    const res = await register(app, 'reader1');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.jwt).toBeUndefined();
    expect(res.body.error.message).toMatch(/disabled/i);
    expect(await app.strapi.db.query(USER).count({})).toBe(0);
  });

  test('the GraphQL register mutation is refused too', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send({ query: registerMutation('reader2') });
    expect(res.body.errors?.[0]?.message).toMatch(/disabled/i);
    expect(res.body.data?.register ?? null).toBeNull();
    expect(await app.strapi.db.query(USER).count({})).toBe(0);
  });

  test('is switched off again on the next boot when someone turned it on in the admin panel', async () => {
    await advancedStore(app).set({ value: { ...(await advanced(app)), allow_register: true } });
    await app.restart();
    expect((await advanced(app)).allow_register).toBe(false);
    await register(app, 'reader3').expect(400);
    expect(await app.strapi.db.query(USER).count({})).toBe(0);
  });
});

describe('with USERS_REGISTRATION=true', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ USERS_REGISTRATION: 'true' });
  });
  afterAll(async () => {
    await app?.close();
    process.env.USERS_REGISTRATION = 'false';
  });

  test('the admin panel setting applies: open on a fresh install (the plugin default), still closed after a reboot once turned off', async () => {
    expect((await advanced(app)).allow_register).toBe(true);
    const res = await register(app, 'reader4').expect(200);
    expect(res.body.jwt).toEqual(expect.any(String));

    await advancedStore(app).set({ value: { ...(await advanced(app)), allow_register: false } });
    await app.restart();
    expect((await advanced(app)).allow_register).toBe(false);
    await register(app, 'reader5').expect(400);
  });
});
