import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminLogin, createSuperAdmin, paragraph, publishArticle } from '../helpers/fixtures';
import { ARTICLE, TEASER } from '../../src/uids';

/**
 * Deleting an article takes everything derived from it along, in one transaction: its synced
 * teaser, its slug registry rows (current and former: they answer 404 and are free again),
 * its related-index rows and its entries in other stories' lists. Other locale variants and
 * their derived rows stay.
 */
let app: TestApp;
let adminJwt: string;

const BREXIT =
  'Британският премиер заяви, че преговорите за Брекзит с Европейския съюз ще продължат. Парламентът в Лондон обсъжда споразумението за напускане, а Брюксел настоява за гаранции за ирландската граница.';
const knex = () => app.strapi.db.connection;
const articles = () => app.strapi.documents(ARTICLE);

const publishStory = (title: string, locale = 'bg', body = BREXIT) => publishArticle(app.strapi, { title, lede: body.split('. ')[0] + '.', body }, locale);

/** A story in bg and en, with a former (published) bg slug, among neighbours that list it. */
async function storyWithTraces(title: string) {
  const story = await publishStory(title);
  await articles().update({ documentId: story.documentId, locale: 'bg', data: { slug: `${story.slug}-nov` } as never });
  await articles().publish({ documentId: story.documentId, locale: 'bg' });
  await articles().update({
    documentId: story.documentId,
    locale: 'en',
    data: { title: `${title} (en)`, lede: 'Brexit talks.', body: paragraph('Brexit talks continue in London and Brussels.') } as never,
  });
  await articles().publish({ documentId: story.documentId, locale: 'en' });
  return { documentId: story.documentId, formerSlug: story.slug, slug: `${story.slug}-nov` };
}

async function traces(documentId: string, locale: string) {
  const count = async (table: string, where: Record<string, string>) =>
    Number(((await knex()(table).where(where).count({ n: '*' })) as Array<{ n: number | string }>)[0].n);
  return {
    articleRows: await count('articles', { document_id: documentId, locale }),
    slugRows: await count('novinar_slug_registry', { document_id: documentId, locale }),
    docs: await count('novinar_related_docs', { document_id: documentId, locale }),
    terms: await count('novinar_related_terms', { document_id: documentId, locale }),
    ownLists: await count('novinar_related_lists', { document_id: documentId, locale }),
    inOtherLists: await count('novinar_related_lists', { related_document_id: documentId, locale }),
  };
}

async function teaserRows(title: string, locale: string) {
  return (await knex()('teasers').where({ title, locale }).select('document_id', 'published_at')) as Array<{ document_id: string; published_at: unknown }>;
}

const bySlug = (slug: string, locale = 'bg') => request(app.server).get(`/api/articles/by-slug/${slug}`).query({ locale }).redirects(0);

beforeAll(async () => {
  app = await startTestApp();
  adminJwt = await adminLogin(app.server, await createSuperAdmin(app.strapi));
  for (const n of [1, 2, 3]) await publishStory(`Брекзит: съсед ${n} на изтритите`);
});

afterAll(async () => {
  await app?.close();
});

async function expectDeletedInBgOnly(story: { documentId: string; formerSlug: string; slug: string }, title: string) {
  expect(await traces(story.documentId, 'bg')).toEqual({ articleRows: 0, slugRows: 0, docs: 0, terms: 0, ownLists: 0, inOtherLists: 0 });
  expect(await teaserRows(title, 'bg')).toEqual([]);
  await bySlug(story.slug).expect(404);
  await bySlug(story.formerSlug).expect(404);
  // The en variant was not deleted: it keeps its teaser, slug and place in the index.
  const en = await traces(story.documentId, 'en');
  expect(en).toMatchObject({ articleRows: 2, slugRows: 1, docs: 1 });
  expect((await teaserRows(`${title} (en)`, 'en')).some((row) => row.published_at !== null)).toBe(true);
  // The slugs are free for a new story.
  const reuse = await articles().create({ locale: 'bg', data: { title: 'Друга история', slug: story.formerSlug } as never });
  expect(reuse.slug).toBe(story.formerSlug);
}

describe('deleting an article', () => {
  test('through the Document Service (no locale: the default-locale variant) removes its teaser, slugs and related rows', async () => {
    const title = 'Брекзит: история за изтриване през Document Service';
    const story = await storyWithTraces(title);
    const before = await traces(story.documentId, 'bg');
    expect(before).toMatchObject({ slugRows: 2, docs: 1 });
    expect(before.terms).toBeGreaterThan(0);
    expect(before.inOtherLists).toBeGreaterThan(0);
    expect(await teaserRows(title, 'bg')).toHaveLength(2);

    await articles().delete({ documentId: story.documentId });
    await expectDeletedInBgOnly(story, title);
  });

  test('through the admin content-manager API removes the same', async () => {
    const title = 'Брекзит: история за изтриване от администрацията';
    const story = await storyWithTraces(title);
    expect((await traces(story.documentId, 'bg')).inOtherLists).toBeGreaterThan(0);
    await request(app.server)
      .delete(`/content-manager/collection-types/${ARTICLE}/${story.documentId}`)
      .query({ locale: 'bg' })
      .set('Authorization', `Bearer ${adminJwt}`)
      .expect(200);
    await expectDeletedInBgOnly(story, title);
  });

  test('through the admin without a locale deletes the default-locale variant only, and cleans up only it', async () => {
    const title = 'Брекзит: изтриване от администрацията без език';
    const story = await storyWithTraces(title);
    await request(app.server).delete(`/content-manager/collection-types/${ARTICLE}/${story.documentId}`).set('Authorization', `Bearer ${adminJwt}`).expect(200);
    await expectDeletedInBgOnly(story, title);
  });

  test('with locale "*" removes every variant and its traces', async () => {
    const title = 'Брекзит: изтриване на всички езици';
    const story = await storyWithTraces(title);
    await articles().delete({ documentId: story.documentId, locale: '*' });
    for (const locale of ['bg', 'en'])
      expect(await traces(story.documentId, locale)).toEqual({ articleRows: 0, slugRows: 0, docs: 0, terms: 0, ownLists: 0, inOtherLists: 0 });
    expect(await teaserRows(`${title} (en)`, 'en')).toEqual([]);
  });

  test('keeps a teaser an editor wrote, unpublished', async () => {
    const story = await publishStory('Брекзит: история с редакторски тийзър');
    const teaser = await app.strapi.db.query(TEASER).findOne({ where: { locale: 'bg', article: { documentId: story.documentId } }, select: ['documentId'] });
    await app.strapi.documents(TEASER).update({ documentId: teaser.documentId, locale: 'bg', data: { title: 'Написано от редактор' } as never });
    await app.strapi.documents(TEASER).publish({ documentId: teaser.documentId, locale: 'bg' });
    await articles().delete({ documentId: story.documentId, locale: 'bg' });
    const rows = await knex()('teasers').where({ document_id: teaser.documentId, locale: 'bg' }).select('title', 'published_at');
    expect(rows).toEqual([{ title: 'Написано от редактор', published_at: null }]);
  });

  test('unpublishing without a locale unpublishes the default-locale variant only and keeps the others indexed', async () => {
    const title = 'Брекзит: сваляне без език';
    const story = await storyWithTraces(title);
    await articles().unpublish({ documentId: story.documentId });
    expect(await traces(story.documentId, 'bg')).toMatchObject({ articleRows: 1, docs: 0, terms: 0, ownLists: 0, inOtherLists: 0, slugRows: 2 });
    expect(await traces(story.documentId, 'en')).toMatchObject({ articleRows: 2, docs: 1 });
    const bgTeaser = await teaserRows(title, 'bg');
    expect(bgTeaser.length).toBeGreaterThan(0);
    expect(bgTeaser.every((row) => row.published_at === null)).toBe(true);
  });
});
