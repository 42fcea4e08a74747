import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE } from '../../src/uids';

/**
 * Round trips of the public reads: each answer below is ONE SQL statement (one network round
 * trip and one plan on PostgreSQL), counted at knex's `query` event through the real HTTP API,
 * with the response cache off so the database answers every time. A reader that adds a
 * statement back (a relation read on its own, a count asked separately) fails here.
 */

let app: TestApp;
let sent: string[] | null = null;

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'false' });
  app.strapi.db.connection.on('query', (query: { sql: string }) => sent?.push(query.sql));
  // The first request of a process loads what the app keeps for later (the locales): not part of any answer.
  await request(app.server).get('/api/teasers/latest').query({ locale: 'en' }).expect(200);
});

afterAll(async () => {
  await app?.close();
});

/** The statements the app sends while answering `path` (the window of that one request). */
async function statementsOf(path: string, query: Record<string, string> = {}): Promise<{ body: { data: unknown }; statements: string[] }> {
  sent = [];
  try {
    const res = await request(app.server).get(path).query(query).expect(200);
    return { body: res.body as { data: unknown }, statements: sent };
  } finally {
    sent = null;
  }
}

/** A published Bulgarian story with bylines, tags, an agency and a cover: the richest answer. */
async function richStory(): Promise<{ slug: string; documentId: string }> {
  const stories = (await app.strapi.documents(ARTICLE).findMany({
    locale: 'bg',
    status: 'published',
    fields: ['slug'],
    populate: { authors: { fields: ['slug'] }, tags: { fields: ['slug'] }, cover: { fields: ['url'] }, sourceAgency: { fields: ['slug'] } },
    limit: 200,
  } as never)) as unknown as Array<{ slug: string; documentId: string; authors: unknown[]; tags: unknown[]; cover: unknown; sourceAgency: unknown }>;
  const rich = stories.find((story) => story.authors.length > 0 && story.tags.length > 0 && story.cover) ?? stories[0];
  return { slug: rich.slug, documentId: rich.documentId };
}

describe('one statement per public answer', () => {
  test('an article by slug', async () => {
    const { slug } = await richStory();
    const { body, statements } = await statementsOf(`/api/articles/by-slug/${slug}`, { locale: 'bg' });
    expect((body.data as { slug: string }).slug).toBe(slug);
    expect(statements).toHaveLength(1);
  });

  test('the related feed of an article', async () => {
    const { slug } = await richStory();
    const { body, statements } = await statementsOf(`/api/articles/by-slug/${slug}/related`, { locale: 'bg', limit: '5' });
    expect(Array.isArray(body.data)).toBe(true);
    expect(statements).toHaveLength(1);
  });

  test('the latest teasers, a next page, a narrowed and a flagged feed', async () => {
    const first = await statementsOf('/api/teasers/latest', { locale: 'bg', limit: '3' });
    expect((first.body.data as unknown[]).length).toBe(3);
    expect(first.statements).toHaveLength(1);
    const cursor = (first.body as { meta?: { nextCursor?: string } }).meta?.nextCursor;
    expect(cursor).toBeTruthy();
    const next = await statementsOf('/api/teasers/latest', { locale: 'bg', limit: '3', cursor: String(cursor) });
    expect((next.body.data as unknown[]).length).toBeGreaterThan(0);
    expect(next.statements).toHaveLength(1);
    const section = (first.body.data as Array<{ section: { slug: string } | null }>).find((card) => card.section)?.section?.slug;
    expect(section).toBeTruthy();
    const narrowed = await statementsOf('/api/teasers/latest', { locale: 'bg', section: String(section), tag: 'rusia' });
    expect(narrowed.statements).toHaveLength(1);
    const flagged = await statementsOf('/api/teasers/latest', { locale: 'bg', flag: 'breaking' });
    expect(flagged.statements).toHaveLength(1);
  });
});

describe('one statement per public answer: comment counts', () => {
  test('approved comment counts of several slugs', async () => {
    const { slug } = await richStory();
    const { body, statements } = await statementsOf('/api/comments/counts', { locale: 'bg', slugs: `${slug},no-such-story` });
    expect(Object.keys(body.data as Record<string, number>)).toEqual([slug]);
    expect(statements).toHaveLength(1);
  });
});

describe('one statement per public answer: search', () => {
  test('a search page, the next page and an author-narrowed search', async () => {
    const { documentId } = await richStory();
    const story = (await app.strapi.documents(ARTICLE).findOne({ documentId, locale: 'bg', status: 'published', fields: ['title'] } as never)) as unknown as {
      title: string;
    };
    // A word of the rich story's title: the search finds at least that story.
    const word = story.title.split(/[^\p{L}]+/u).find((part) => part.length >= 5) as string;
    expect(word).toBeTruthy();
    const first = await statementsOf('/api/search', { q: word, locale: 'bg', limit: '1' });
    const cards = first.body.data as Array<{ documentId: string; snippet: string; authors: Array<{ slug: string }> }>;
    expect(cards).toHaveLength(1);
    expect(typeof cards[0]?.snippet).toBe('string');
    expect(first.statements).toHaveLength(1);
    const total = (first.body as { meta?: { total?: number } }).meta?.total ?? 0;
    expect(total).toBeGreaterThan(0);
    if (total > 1) {
      const next = await statementsOf('/api/search', { q: word, locale: 'bg', limit: '1', page: '2' });
      expect((next.body.data as unknown[]).length).toBe(1);
      expect(next.statements).toHaveLength(1);
    }
    // Narrowed by an author, and a one-word search that finds nothing: one statement each too.
    const author = cards[0]?.authors[0]?.slug;
    if (author) {
      const byAuthor = await statementsOf('/api/search', { q: word, locale: 'bg', author });
      expect((byAuthor.body.data as unknown[]).length).toBeGreaterThan(0);
      expect(byAuthor.statements).toHaveLength(1);
    }
    const none = await statementsOf('/api/search', { q: word, locale: 'bg', author: 'no-such-author' });
    expect(none.body.data).toEqual([]);
    expect(none.statements).toHaveLength(1);
  });
});
