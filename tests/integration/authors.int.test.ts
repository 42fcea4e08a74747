import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, articleIdByTitle } from '../helpers/fixtures';
import { ARTICLE, AUTHOR } from '../../src/uids';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'false' });
});

afterAll(async () => {
  await app?.close();
});

const METEOR_TITLE = 'Пикът на последния за 2025 г. метеорен поток е на 22 декември';
const METEOR_SLUG = 'pikat-na-poslednia-za-2025-g-meteoren-potok-e-na-22-dekemvri';

async function createAuthor(name: string, options: { publish?: boolean; locale?: string } = {}) {
  const locale = options.locale ?? 'bg';
  const created = await app.strapi.documents(AUTHOR).create({ locale, data: { name, role: 'Репортер', bio: 'Био.' } as never });
  if (options.publish !== false) await app.strapi.documents(AUTHOR).publish({ documentId: created.documentId, locale });
  return created as unknown as { documentId: string; slug: string };
}

async function createStory(title: string, authors: string[], extra: Record<string, unknown> = {}, publish = true) {
  const created = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title, lede: 'Лид.', authors, ...extra } as never });
  if (publish) await app.strapi.documents(ARTICLE).publish({ documentId: created.documentId, locale: 'bg' });
  return created as unknown as { documentId: string; slug: string };
}

describe('authors', () => {
  test('the seeded staff author answers by its transliterated slug, with role, bio and links', async () => {
    const res = await request(app.server).get('/api/authors/by-slug/elitsa-petrova').expect(200);
    expect(res.body.data).toMatchObject({ name: 'Елица Петрова', slug: 'elitsa-petrova', role: 'Редактор „Наука“', locale: 'bg' });
    expect(typeof res.body.data.bio).toBe('string');
    expect(res.body.data.links).toEqual([expect.objectContaining({ label: 'Mastodon', url: 'https://mastodon.social/@novinar_demo_elitsa' })]);
    const en = await request(app.server).get('/api/authors/by-slug/elitsa-petrova').query({ locale: 'en' }).expect(200);
    expect(en.body.data).toMatchObject({ name: 'Elitsa Petrova', role: 'Science editor', locale: 'en' });
  });

  test.each([
    ['Гергана Щерева', 'gergana-shtereva'],
    ['Мария Георгиева-Илия', 'maria-georgieva-ilia'],
    ['Христо Цанков', 'hristo-tsankov'],
  ])('slugs an author name by the Transliteration Act: %s → %s', async (name, slug) => {
    const author = await createAuthor(name);
    expect(author.slug).toBe(slug);
    await request(app.server).get(`/api/authors/by-slug/${slug}`).expect(200);
  });

  test('the Putin story stays an agency story and the seeded staff story carries its byline', async () => {
    const res = await request(app.server)
      .get('/api/articles')
      .query({
        locale: 'bg',
        'populate[authors][fields][0]': 'name',
        'populate[authors][fields][1]': 'slug',
        'populate[sourceAgency][fields][0]': 'creditLine',
      })
      .expect(200);
    const bySlug = new Map<string, { authors: Array<{ slug: string }>; title: string; sourceAgency: { creditLine: string } | null }>(
      res.body.data.map((item: { slug: string }) => [item.slug, item]),
    );
    const putin = [...bySlug.values()].find((item) => item.title === MAIN_TITLE);
    expect(putin?.authors).toEqual([]);
    expect(putin?.sourceAgency?.creditLine).toBe('БГНЕС');
    expect(bySlug.get(METEOR_SLUG)?.authors.map((author) => author.slug)).toEqual(['elitsa-petrova']);
  });

  test("an author's latest stories: newest first, published and released only, paged by cursor", async () => {
    const author = await createAuthor('Калина Стоянова');
    const older = await createStory('Първа история на Калина', [author.documentId], { publicationDate: '2025-11-01T08:00:00.000Z' });
    const newer = await createStory('Втора история на Калина', [author.documentId], { publicationDate: '2025-11-02T08:00:00.000Z' });
    await createStory('Чернова на Калина', [author.documentId], {}, false);
    await createStory('Ембаргова история на Калина', [author.documentId], { publicationDate: '2099-01-01T00:00:00.000Z' });
    const first = await request(app.server).get(`/api/authors/by-slug/${author.slug}/articles`).query({ limit: 1 }).expect(200);
    expect(first.body.data.map((card: { slug: string }) => card.slug)).toEqual([newer.slug]);
    expect(first.body.meta.nextCursor).toEqual(expect.any(String));
    const second = await request(app.server)
      .get(`/api/authors/by-slug/${author.slug}/articles`)
      .query({ limit: 1, cursor: first.body.meta.nextCursor })
      .expect(200);
    expect(second.body.data.map((card: { slug: string }) => card.slug)).toEqual([older.slug]);
    expect(second.body.meta.nextCursor).toBeNull();
  });

  test('a draft author answers 404 by slug and on its stories; the published stories credit nobody unpublished', async () => {
    const draft = await createAuthor('Тайна Чернова', { publish: false });
    await request(app.server).get(`/api/authors/by-slug/${draft.slug}`).expect(404);
    await request(app.server).get(`/api/authors/by-slug/${draft.slug}/articles`).expect(404);
    const story = await createStory('История с автор в чернова', [draft.documentId]);
    const res = await request(app.server).get(`/api/articles/${story.documentId}`).query({ 'populate[authors][fields][0]': 'name' }).expect(200);
    expect(res.body.data.authors).toEqual([]);
    const list = await request(app.server).get('/api/authors').query({ 'pagination[pageSize]': 100 }).expect(200);
    expect(list.body.data.map((item: { slug: string }) => item.slug)).not.toContain(draft.slug);
  });

  test('bad input is a 400 with a message', async () => {
    await request(app.server).get('/api/authors/by-slug/elitsa-petrova/articles').query({ limit: 0 }).expect(400);
    await request(app.server).get('/api/authors/by-slug/elitsa-petrova/articles').query({ cursor: 'nope' }).expect(400);
    await request(app.server).get('/api/authors/by-slug/elitsa-petrova').query({ foo: 1 }).expect(400);
    await request(app.server).get('/api/authors/by-slug/elitsa-petrova').query({ locale: 'xx' }).expect(400);
  });

  test('articles cannot be filtered by author fields in public (authors have drafts)', async () => {
    const res = await request(app.server).get('/api/articles').query({ 'filters[authors][bio][$contains]': 'Био' }).expect(400);
    expect(res.body.error.message).toMatch(/authors/);
  });

  test('the seeded byline story is found through its author', async () => {
    const meteorId = await articleIdByTitle(app.strapi, METEOR_TITLE);
    const res = await request(app.server).get('/api/authors/by-slug/elitsa-petrova/articles').expect(200);
    expect(res.body.data.map((card: { documentId: string }) => card.documentId)).toEqual([meteorId]);
  });
});
