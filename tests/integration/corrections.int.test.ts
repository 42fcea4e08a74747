/**
 * Corrections („Поправка“): an editor adds dated notes to a published story; the by-slug answer
 * (REST and GraphQL) shows them oldest first, updatedDate marks the update, publicationDate never
 * moves, and a note saved but not published shows nowhere. Written through the admin panel's API,
 * as an editor would, with the app's clock moved.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createSuperAdmin, graphql, setAppClock } from '../helpers/fixtures';
import { ARTICLE } from '../../src/uids';

let app: TestApp;
let jwt: string;
const T0 = new Date('2026-11-20T09:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'true' });
  jwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
});

afterEach(() => setAppClock(null));

afterAll(async () => {
  await app?.close();
});

const base = (documentId: string) => `/content-manager/collection-types/${ARTICLE}/${documentId}`;
const admin = {
  save: (documentId: string, data: Record<string, unknown>) =>
    request(app.server).put(base(documentId)).query({ locale: 'bg' }).set('Authorization', `Bearer ${jwt}`).send(data),
  publish: (documentId: string) =>
    request(app.server)
      .post(`${base(documentId)}/actions/publish`)
      .query({ locale: 'bg' })
      .set('Authorization', `Bearer ${jwt}`)
      .send({}),
  read: async (documentId: string) =>
    (await request(app.server).get(base(documentId)).query({ locale: 'bg' }).set('Authorization', `Bearer ${jwt}`).expect(200)).body.data,
};
const bySlug = (slug: string) => request(app.server).get(`/api/articles/by-slug/${slug}`).expect(200);
const GQL = `query($slug: String!) { articleBySlug(slug: $slug) { publicationDate updatedDate corrections { date note } } }`;

async function publishedStory(title: string) {
  const draft = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title, lede: 'Първоначален текст.' } as never });
  await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId, locale: 'bg' });
  const published = await app.strapi.documents(ARTICLE).findOne({ documentId: draft.documentId, locale: 'bg', status: 'published' });
  return { documentId: draft.documentId, slug: published?.slug as string };
}

test('notes appear oldest first over REST and GraphQL, updatedDate moves, publicationDate does not', async () => {
  setAppClock(T0);
  const story = await publishedStory('Кметът откри новия мост над Янтра');
  const before = await bySlug(story.slug);
  expect(before.body.data).toMatchObject({ publicationDate: T0.toISOString(), updatedDate: null, corrections: [] });

  // An undated note: dated at the moment it is saved.
  setAppClock(hours(5));
  await admin.save(story.documentId, { corrections: [{ note: 'Мостът е над Янтра, а не над Осъм, както беше написано.' }] }).expect(200);
  // Saved, not published: the public answer has not changed.
  expect((await bySlug(story.slug)).body.data.corrections).toEqual([]);
  await admin.publish(story.documentId).expect(200);

  const first = await bySlug(story.slug);
  expect(first.body.data.publicationDate).toBe(T0.toISOString());
  expect(first.body.data.updatedDate).toBe(hours(5).toISOString());
  expect(first.body.data.corrections).toEqual([
    { id: expect.any(Number), date: hours(5).toISOString(), note: 'Мостът е над Янтра, а не над Осъм, както беше написано.' },
  ]);

  // A second note dated earlier by the editor (a correction noted in print) sorts before it.
  setAppClock(hours(8));
  const stored = await admin.read(story.documentId);
  await admin
    .save(story.documentId, {
      corrections: [
        ...stored.corrections.map(({ id, date, note }: { id: number; date: string; note: string }) => ({ id, date, note })),
        { date: hours(2).toISOString(), note: 'Дължината на моста е 210 м, не 120 м.' },
      ],
    })
    .expect(200);
  await admin.publish(story.documentId).expect(200);

  const second = await bySlug(story.slug);
  expect(second.body.data.corrections.map((note: { date: string; note: string }) => [note.date, note.note])).toEqual([
    [hours(2).toISOString(), 'Дължината на моста е 210 м, не 120 м.'],
    [hours(5).toISOString(), 'Мостът е над Янтра, а не над Осъм, както беше написано.'],
  ]);
  expect(second.body.data.publicationDate).toBe(T0.toISOString());
  expect(second.body.data.updatedDate).toBe(hours(8).toISOString());
  expect(second.body.data.updatedDateDisplay).toEqual(expect.any(String));

  const gql = await graphql(request(app.server), GQL, { slug: story.slug });
  expect(gql.status).toBe(200);
  expect(gql.body.errors).toBeUndefined();
  expect(gql.body.data.articleBySlug).toEqual({
    publicationDate: T0.toISOString(),
    updatedDate: hours(8).toISOString(),
    corrections: second.body.data.corrections.map(({ date, note }: { date: string; note: string }) => ({ date, note })),
  });

  // Re-publishing without touching the notes is no update.
  setAppClock(hours(12));
  await admin.save(story.documentId, { corrections: (await admin.read(story.documentId)).corrections }).expect(200);
  await admin.publish(story.documentId).expect(200);
  expect((await bySlug(story.slug)).body.data.updatedDate).toBe(hours(8).toISOString());
});

test('a note on a story never published stamps no updatedDate; a draft note on a published story shows nowhere', async () => {
  const draft = await app.strapi
    .documents(ARTICLE)
    .create({ locale: 'bg', data: { title: 'Чернова с бележка', corrections: [{ note: 'Бележка в чернова.' }] } as never });
  const row = await app.strapi.documents(ARTICLE).findOne({ documentId: draft.documentId, locale: 'bg', populate: ['corrections'] } as never);
  expect((row as unknown as { updatedDate: string | null }).updatedDate).toBeNull();
  expect((row as unknown as { corrections: Array<{ date: string }> }).corrections[0].date).toEqual(expect.any(String));

  const story = await publishedStory('Публикувана статия с непубликувана поправка');
  await admin.save(story.documentId, { corrections: [{ note: 'Непубликувана поправка zqcorrdraftqz.' }] }).expect(200);
  const rest = await bySlug(story.slug);
  const gql = await graphql(request(app.server), GQL, { slug: story.slug });
  expect(gql.status).toBe(200);
  expect(JSON.stringify([rest.body, gql.body])).not.toContain('zqcorrdraftqz');
});

test('a note with an unreadable date or without text is refused with a 400', async () => {
  const story = await publishedStory('Статия за невалидни поправки');
  const badDate = await admin.save(story.documentId, { corrections: [{ date: 'вчера', note: 'Текст.' }] });
  expect(badDate.status).toBe(400);
  expect(badDate.body.error.message).toMatch(/correction date is not a valid date/);
  const empty = await admin.save(story.documentId, { corrections: [{ note: ' ' }] });
  expect(empty.status).toBe(400);
  expect(empty.body.error.message).toMatch(/every correction needs its text/);
  expect((await bySlug(story.slug)).body.data.corrections).toEqual([]);
});
