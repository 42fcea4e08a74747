/**
 * The desk's admin endpoints (src/desk/): per role, what each widget lists, and 403 for the
 * widgets a role does not have. Real app, real HTTP, admin sessions of each role.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createAdminUser, createSuperAdmin } from '../helpers/fixtures';
import { ARTICLE, COMMENT } from '../../src/uids';

let app: TestApp;
const auth: Record<'editor' | 'otherEditor' | 'translator' | 'moderator', { Authorization: string }> = {} as never;
const ids: Record<'released' | 'scheduled' | 'draft' | 'otherDraft', string> = {} as never;
const CM = `/content-manager/collection-types/${ARTICLE}`;
const DAY = 24 * 60 * 60 * 1000;

const bearer = async (credentials: { email: string; password: string }) => ({ Authorization: `Bearer ${await adminLogin(app.server, credentials)}` });

/** A document written through the admin's Content Manager, so it carries its author (createdBy). */
async function createInAdmin(as: { Authorization: string }, data: Record<string, unknown>, locale = 'bg'): Promise<string> {
  const res = await request(app.server).post(CM).query({ locale }).set(as).send(data);
  if (res.status !== 201 && res.status !== 200) throw new Error(`create ${JSON.stringify(data)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
}

async function publishInAdmin(as: { Authorization: string }, documentId: string, locale = 'bg'): Promise<void> {
  await request(app.server).post(`${CM}/${documentId}/actions/publish`).query({ locale }).set(as).send({}).expect(200);
}

beforeAll(async () => {
  app = await startTestApp({ SEED_DEMO: 'false' });
  auth.editor = await bearer(await createSuperAdmin(app.strapi));
  auth.otherEditor = await bearer(await createSuperAdmin(app.strapi));
  auth.translator = await bearer(await createAdminUser(app.strapi, 'novinar-translator'));
  auth.moderator = await bearer(await createAdminUser(app.strapi, 'novinar-moderator'));

  ids.released = await createInAdmin(auth.editor, { title: 'Бюджетът е приет на второ четене', publicationDate: new Date(Date.now() - DAY).toISOString() });
  await publishInAdmin(auth.editor, ids.released);
  ids.scheduled = await createInAdmin(auth.editor, { title: 'Ембаргирано интервю с министъра', publicationDate: new Date(Date.now() + 2 * DAY).toISOString() });
  await publishInAdmin(auth.editor, ids.scheduled);
  ids.draft = await createInAdmin(auth.editor, { title: 'Чернова на редактора' });
  ids.otherDraft = await createInAdmin(auth.otherEditor, { title: 'Чернова на колегата' });

  // Two approved comments on the released story, one waiting for a moderator.
  for (const [authorName, moderationStatus] of [
    ['Иван', 'approved'],
    ['Петя', 'approved'],
    ['Стоян', 'pending'],
  ]) {
    await app.strapi.documents(COMMENT).create({
      data: { articleDocumentId: ids.released, article: ids.released, locale: 'bg', authorName, body: `Мнение на ${authorName}`, moderationStatus } as never,
    });
  }
});

afterAll(async () => {
  await app?.close();
});

type Item = { documentId: string; locale: string; title: string };
const get = (path: string, as: { Authorization: string }) => request(app.server).get(`/novinar/desk${path}`).set(as);
const documentIds = (items: Item[]) => items.map((item) => item.documentId);

describe('GET /novinar/desk: which widgets a role has', () => {
  test.each([
    ['editor', ['scheduled', 'drafts', 'translations', 'comments', 'published']],
    ['translator', ['scheduled', 'drafts', 'translations', 'published']],
    ['moderator', ['scheduled', 'comments', 'published']],
  ] as const)('%s', async (role, widgets) => {
    const res = await get('', auth[role]).expect(200);
    expect(res.body.data.widgets).toEqual(widgets);
  });

  test('a translator covers only the locales they may edit', async () => {
    const res = await get('', auth.translator).expect(200);
    expect(res.body.data.access).toMatchObject({ drafts: ['en'], translations: ['en'], comments: false });
  });

  test('without an admin session: 401; with an unknown parameter: 400', async () => {
    await request(app.server).get('/novinar/desk/scheduled').expect(401);
    const res = await get('/scheduled?limit=5', auth.editor).expect(400);
    expect(res.body.error.message).toMatch(/limit/);
  });
});

describe('the widgets', () => {
  test('scheduled: the embargoed story with its go-live time, not the released one', async () => {
    const res = await get('/scheduled', auth.moderator).expect(200);
    expect(documentIds(res.body.data)).toEqual([ids.scheduled]);
    expect(res.body.data[0]).toMatchObject({ locale: 'bg', title: 'Ембаргирано интервю с министъра', goLiveAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(new Date(res.body.data[0].goLiveAt).getTime()).toBeGreaterThan(Date.now());
  });

  test('published: released stories only, with their approved comment counts', async () => {
    const res = await get('/published', auth.editor).expect(200);
    expect(res.body.data).toEqual([expect.objectContaining({ documentId: ids.released, locale: 'bg', comments: 2 })]);
  });

  test("drafts: the editor's own, never a colleague's or a published story", async () => {
    const mine = await get('/drafts', auth.editor).expect(200);
    expect(documentIds(mine.body.data)).toEqual([ids.draft]);
    const theirs = await get('/drafts', auth.otherEditor).expect(200);
    expect(documentIds(theirs.body.data)).toEqual([ids.otherDraft]);
  });

  test("drafts: a translator's English draft is theirs; a moderator has no drafts (403)", async () => {
    const translated = await request(app.server)
      .put(`${CM}/${ids.released}`)
      .query({ locale: 'en' })
      .set(auth.translator)
      .send({ title: 'Budget passes second reading' });
    expect(translated.status).toBe(200);
    const res = await get('/drafts', auth.translator).expect(200);
    expect(res.body.data).toEqual([expect.objectContaining({ documentId: ids.released, locale: 'en', title: 'Budget passes second reading' })]);
    await get('/drafts', auth.moderator).expect(403);
  });

  test('comments: the pending one with its article, for a moderator; 403 for a translator', async () => {
    const res = await get('/comments', auth.moderator).expect(200);
    expect(res.body.data.total).toBe(1);
    expect(res.body.data.items).toEqual([
      expect.objectContaining({
        authorName: 'Стоян',
        body: 'Мнение на Стоян',
        article: { documentId: ids.released, locale: 'bg', title: 'Бюджетът е приет на второ четене' },
      }),
    ]);
    await get('/comments', auth.translator).expect(403);
  });

  test("translations: missing ones in the translator's locales only; none for a moderator (403)", async () => {
    const res = await get('/translations', auth.translator).expect(200);
    expect(res.body.meta.locales).toEqual(['en']);
    expect(res.body.data.every((item: Item) => item.locale === 'en')).toBe(true);
    // The scheduled story has no English variant; the released one has one now (a draft: up to date).
    expect(res.body.data).toContainEqual(expect.objectContaining({ documentId: ids.scheduled, status: 'missing' }));
    expect(documentIds(res.body.data)).not.toContain(ids.released);
    await get('/translations', auth.moderator).expect(403);
  });
});
