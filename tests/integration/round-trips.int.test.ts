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
/** SQL text → the prepared statement's name it was sent under (PostgreSQL, src/database/prepared.ts). */
const preparedNames = new Map<string, string>();

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'false' });
  app.strapi.db.connection.on('query', (query: { sql: string; options?: { name?: string } }) => {
    sent?.push(query.sql);
    if (query.options?.name) preparedNames.set(query.sql, query.options.name);
  });
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

  test('the page head of an article (/seo)', async () => {
    const { slug } = await richStory();
    const { statements } = await statementsOf(`/api/articles/by-slug/${slug}/seo`, { locale: 'bg' });
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

describe('one statement per public answer: GraphQL', () => {
  /**
   * The GraphQL plugin authenticates every request before Apollo runs (the Public role's
   * permissions, read by users-permissions): one statement of Strapi's own, before any resolver.
   * Everything after it is the answer's.
   */
  const PUBLIC_PERMISSIONS = /\bfrom\s+(?:["`]?\w+["`]?\.)?["`]?up_permissions["`]?\s/;
  async function graphqlStatements(query: string, variables: Record<string, unknown>): Promise<{ data: Record<string, unknown>; statements: string[] }> {
    sent = [];
    try {
      const res = await request(app.server).post('/graphql').send({ query, variables }).expect(200);
      expect(res.body.errors).toBeUndefined();
      expect(sent.filter((sql) => PUBLIC_PERMISSIONS.test(sql))).toHaveLength(1);
      return { data: res.body.data as Record<string, unknown>, statements: sent.filter((sql) => !PUBLIC_PERMISSIONS.test(sql)) };
    } finally {
      sent = null;
    }
  }

  test('relatedArticles and latestTeasers send what REST sends', async () => {
    const { slug } = await richStory();
    const related = await graphqlStatements('query R($slug: String!) { relatedArticles(slug: $slug, locale: "bg", limit: 3) { slug title } }', { slug });
    expect(Array.isArray(related.data.relatedArticles)).toBe(true);
    expect(related.statements).toHaveLength(1);
    const latest = await graphqlStatements('{ latestTeasers(locale: "bg", limit: 5) { cards { slug title } nextCursor } }', {});
    expect(latest.statements).toHaveLength(1);
  });

  test('articleBySlug', async () => {
    const { slug } = await richStory();
    const found = await graphqlStatements('query A($slug: String!) { articleBySlug(slug: $slug, locale: "bg") { title slug } }', { slug });
    expect((found.data.articleBySlug as { slug: string }).slug).toBe(slug);
    expect(found.statements).toHaveLength(1);
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

const onPostgres = process.env.TEST_DATABASE === 'postgres';
(onPostgres ? describe : describe.skip)('prepared statements on PostgreSQL', () => {
  test('the one statement of each answer is a named prepared statement, one name per SQL text', async () => {
    const { slug } = await richStory();
    const answers: Array<[string, Record<string, string>]> = [
      [`/api/articles/by-slug/${slug}`, { locale: 'bg' }],
      [`/api/articles/by-slug/${slug}/related`, { locale: 'bg' }],
      ['/api/teasers/latest', { locale: 'bg', limit: '4' }],
      ['/api/comments/counts', { locale: 'bg', slugs: slug }],
      ['/api/search', { locale: 'bg', q: 'България' }],
      ['/api/feeds/rss', { locale: 'bg', limit: '5' }],
      ['/api/sitemaps/news.xml', {}],
    ];
    for (const [path, query] of answers) {
      const [statement] = (await statementsOf(path, query)).statements;
      expect(preparedNames.get(statement)).toMatch(/^novinar_[0-9a-f]{32}$/);
    }
    expect(new Set(preparedNames.values()).size).toBe(preparedNames.size);
  });
});
