import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createFullAccessToken, createSuperAdmin } from '../helpers/fixtures';
import { ARTICLE, COMMENT } from '../../src/uids';

let app: TestApp;
let slug: string;
let ipCounter = 1;
const nextIp = () => `10.2.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

const COMMENT_JSON = JSON.stringify({ data: { authorName: 'Иван', body: 'Текст за тялото.' } });
const IMAGE = path.resolve(__dirname, '..', '..', 'src', 'seed', 'data', 'images', 'meteor-shower-peak.jpg');

beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: 'true' });
  const created = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Статия за телата на заявките', lede: 'Лид.' } as never });
  await app.strapi.documents(ARTICLE).publish({ documentId: created.documentId, locale: 'bg' });
  slug = created.slug as string;
});

afterAll(async () => {
  await app?.close();
});

const commentsPath = () => `/api/articles/by-slug/${slug}/comments`;
const storedComments = () => app.strapi.db.query(COMMENT).count({});

/** A raw body with exactly these headers (supertest would serialise a Buffer sent as JSON). */
function post(method: 'POST' | 'PUT', url: string, headers: Record<string, string>, body: string | Buffer) {
  let req = (method === 'POST' ? request(app.server).post(url) : request(app.server).put(url)).set('X-Forwarded-For', nextIp());
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return req.serialize((data: unknown) => data as string).send(body as string);
}

const PUBLIC_WRITES: Array<[string, 'POST' | 'PUT', () => string]> = [
  ['comment submission', 'POST', commentsPath],
  ['core create', 'POST', () => '/api/articles'],
  ['core update', 'PUT', () => '/api/articles/nyama-takav-dokument'],
  ['core create, path in capitals', 'POST', () => '/API/Articles'],
  ['content-API upload', 'POST', () => '/api/upload'],
  ['GraphQL', 'POST', () => '/graphql'],
];

describe('compressed bodies', () => {
  const cases = PUBLIC_WRITES.flatMap(([name, method, url]) =>
    ['gzip', 'deflate', 'br', 'x-gzip', 'GZIP', 'gzip, identity'].map((coding) => [name, coding, method, url] as const),
  );

  test.each(cases)('%s with Content-Encoding "%s" over a plain body → 415 naming it, not 500', async (_name, coding, method, url) => {
    const before = await storedComments();
    const res = await post(method, url(), { 'Content-Type': 'application/json', 'Content-Encoding': coding }, COMMENT_JSON);
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 415,
        name: 'UnsupportedMediaTypeError',
        message: `Content-Encoding "${coding}" is not accepted: send the request body uncompressed (identity).`,
        details: {},
      },
    });
    expect(res.headers['accept-encoding']).toBe('identity');
    expect(await storedComments()).toBe(before);
  });

  test.each([
    ['gzip', zlib.gzipSync(COMMENT_JSON)],
    ['deflate', zlib.deflateSync(COMMENT_JSON)],
    ['br', zlib.brotliCompressSync(COMMENT_JSON)],
  ])('refuses a comment really compressed with %s too: only identity is accepted', async (coding, compressed) => {
    const before = await storedComments();
    const res = await post('POST', commentsPath(), { 'Content-Type': 'application/json', 'Content-Encoding': coding }, compressed);
    expect(res.status).toBe(415);
    expect(res.body.error.message).toContain(`"${coding}"`);
    expect(await storedComments()).toBe(before);
  });

  test('refuses a compressed empty body too (Content-Length: 0), which co-body would try to inflate', async () => {
    const res = await post('POST', commentsPath(), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, '');
    expect(res.status).toBe(415);
  });

  test('leaves a request without a body alone: a GET with a stray Content-Encoding is answered', async () => {
    await request(app.server).get('/api/articles').set('Content-Encoding', 'gzip').expect(200);
  });

  test.each(['identity', 'IDENTITY', 'Identity', 'identity, identity'])('accepts Content-Encoding "%s" as no encoding at all', async (coding) => {
    const res = await post('POST', commentsPath(), { 'Content-Type': 'application/json', 'Content-Encoding': coding }, COMMENT_JSON);
    expect(res.status).toBe(201);
    expect(res.body.data.body).toBe('Текст за тялото.');
  });
});

describe('unreadable bodies are 400 with a message, never 500', () => {
  const UNREADABLE: Array<[string, string, string, RegExp]> = [
    ['multipart without a boundary', 'multipart/form-data', 'abc', /^The multipart\/form-data body cannot be read: .*boundary/],
    [
      'truncated multipart',
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
      /^The multipart\/form-data body cannot be read: /,
    ],
    ['broken JSON', 'application/json', '{"data": {"authorName": "Иван",', /^The request body cannot be parsed: /],
    ['JSON that is not an object or array', 'application/json', '"just text"', /^The request body cannot be parsed: /],
  ];
  const REST_WRITES = PUBLIC_WRITES.filter(([name]) => name !== 'GraphQL');
  const cases = REST_WRITES.flatMap(([name, method, url]) =>
    UNREADABLE.map(([label, type, body, message]) => [label, name, method, url, type, body, message] as const),
  );

  test.each(cases)("%s to %s → 400 in Strapi's error shape", async (_label, _name, method, url, type, body, message) => {
    const res = await post(method, url(), { 'Content-Type': type }, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ data: null, error: { status: 400, name: 'ValidationError', message: expect.stringMatching(message), details: {} } });
  });

  test("broken JSON to GraphQL → 400 in Strapi's error shape", async () => {
    const res = await post('POST', '/graphql', { 'Content-Type': 'application/json' }, '{"query": "{ __typename }",');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      data: null,
      error: { status: 400, name: 'ValidationError', message: expect.stringMatching(/^The request body cannot be parsed: /), details: {} },
    });
  });

  const MALFORMED: Array<[string, string, string]> = [
    ['multipart without a boundary', 'multipart/form-data', 'abc'],
    ['broken urlencoded', 'application/x-www-form-urlencoded', '%E0%A4%A&a[[]=1&=&%&data[=x'],
    ['urlencoded with a bad charset', 'application/x-www-form-urlencoded; charset=no-such-charset', 'a=1'],
    ['broken JSON in another charset', 'application/json; charset=latin1', '{"a":'],
    ['text', 'text/plain', '\u0000\uFFFF'],
  ];
  const anyWrite = [...PUBLIC_WRITES, ['admin login', 'POST', () => '/admin/login'] as const, ['admin upload', 'POST', () => '/upload'] as const];
  test.each(anyWrite.flatMap(([name, method, url]) => MALFORMED.map(([label, type, body]) => [label, name, method, url, type, body] as const)))(
    '%s to %s → a 4xx with a message',
    async (_label, _name, method, url, type, body) => {
      const res = await post(method, url(), { 'Content-Type': type }, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error?.message ?? res.body.errors?.[0]?.message).toEqual(expect.any(String));
    },
  );
});

describe('admin and upload routes keep working', () => {
  let token: string;

  beforeAll(async () => {
    const admin = await createSuperAdmin(app.strapi);
    token = await adminLogin(app.server, admin);
  });

  async function removeUploaded(files: Array<{ id: number }>) {
    const upload = app.strapi.plugin('upload').service('upload');
    for (const { id } of files) await upload.remove(await app.strapi.db.query('plugin::upload.file').findOne({ where: { id } }));
  }

  test('the admin logs in with a JSON body', async () => {
    const admin = await createSuperAdmin(app.strapi);
    const res = await post('POST', '/admin/login', { 'Content-Type': 'application/json' }, JSON.stringify(admin));
    expect(res.status).toBe(200);
    expect(res.body.data.token).toEqual(expect.any(String));
  });

  test('the admin uploads media as multipart/form-data', async () => {
    const res = await request(app.server)
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', fs.readFileSync(IMAGE), { filename: 'meteor.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ name: 'meteor.jpg', mime: 'image/jpeg' });
    await removeUploaded(res.body);
  });

  test('an API token uploads through /api/upload as multipart/form-data', async () => {
    const apiToken = await createFullAccessToken(app.strapi);
    const res = await request(app.server)
      .post('/api/upload')
      .set('Authorization', `Bearer ${apiToken}`)
      .attach('files', fs.readFileSync(IMAGE), { filename: 'meteor-api.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ name: 'meteor-api.jpg' });
    await removeUploaded(res.body);
  });

  test.each(['gzip', 'deflate', 'br'])('admin routes refuse a %s body with 415 too, plain or really compressed, never 500', async (coding) => {
    const credentials = JSON.stringify({ email: 'a@b.c', password: 'x' });
    const compressed = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync }[coding as 'gzip' | 'deflate' | 'br'](credentials);
    for (const body of [credentials, compressed]) {
      const res = await post('POST', '/admin/login', { 'Content-Type': 'application/json', 'Content-Encoding': coding }, body);
      expect(res.status).toBe(415);
      expect(res.body.error).toEqual({ status: 415, name: 'UnsupportedMediaTypeError', message: expect.stringContaining(`"${coding}"`), details: {} });
    }
  });
});
