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

/** The statements of a text answer (feeds, sitemaps): the same window as `statementsOf`, any body. */
async function textStatementsOf(path: string, query: Record<string, string> = {}, status = 200): Promise<{ text: string; statements: string[] }> {
  sent = [];
  try {
    const res = await request(app.server).get(path).query(query).expect(status);
    return { text: res.text, statements: sent };
  } finally {
    sent = null;
  }
}

describe('one statement per public answer: feeds and sitemaps', () => {
  test('every feed format, whole and narrowed, and a narrowing that does not exist', async () => {
    const { documentId } = await richStory();
    const story = (await app.strapi.documents(ARTICLE).findOne({
      documentId,
      locale: 'bg',
      status: 'published',
      populate: { authors: { fields: ['slug'] }, tags: { fields: ['slug'] }, section: { fields: ['slug'] }, sourceAgency: { fields: ['slug'] } },
    } as never)) as unknown as {
      authors: Array<{ slug: string }>;
      tags: Array<{ slug: string }>;
      section: { slug: string } | null;
      sourceAgency: { slug: string } | null;
    };
    const narrowings: Array<Record<string, string>> = [{}, { tag: story.tags[0].slug }, { author: story.authors[0].slug }];
    if (story.section) narrowings.push({ section: story.section.slug });
    if (story.sourceAgency) narrowings.push({ agency: story.sourceAgency.slug });
    for (const format of ['rss', 'atom', 'json'])
      for (const narrowing of narrowings) {
        const { text, statements } = await textStatementsOf(`/api/feeds/${format}`, { locale: 'bg', limit: '5', ...narrowing });
        expect(text.length).toBeGreaterThan(0);
        expect({ format, narrowing, statements: statements.length }).toEqual({ format, narrowing, statements: 1 });
      }
    const missing = await textStatementsOf('/api/feeds/rss', { locale: 'bg', section: 'no-such-section' }, 404);
    expect(missing.statements).toHaveLength(1);
  });

  test('the sitemap index, an article sitemap, the news sitemap and the section, tag and author sitemaps', async () => {
    for (const path of [
      '/api/sitemaps/index.xml',
      '/api/sitemaps/articles/bg-1.xml',
      '/api/sitemaps/news.xml',
      '/api/sitemaps/sections.xml',
      '/api/sitemaps/tags.xml',
      '/api/sitemaps/authors.xml',
    ]) {
      const { text, statements } = await textStatementsOf(path);
      expect(text).toContain('<?xml');
      expect({ path, statements: statements.length }).toEqual({ path, statements: 1 });
    }
    const past = await textStatementsOf('/api/sitemaps/articles/bg-999.xml', {}, 404);
    expect(past.statements).toHaveLength(1);
  });
});
