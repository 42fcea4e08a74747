/**
 * Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) and sitemaps through the real HTTP API, parsed with
 * real parsers (rss-parser, fast-xml-parser), plus HTTP caching and compression of them.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import zlib from 'zlib';
import request from 'supertest';
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE, setAppClock } from '../helpers/fixtures';
import { ARTICLE, AUTHOR, SECTION } from '../../src/uids';

const SITE = 'https://novini.example';
const API = 'https://api.novini.example';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ RESPONSE_CACHE: 'true', PUBLIC_SITE_URL: SITE, PUBLIC_URL: API, SITE_NAME: 'Новинар & Co' });
});

afterEach(() => setAppClock(null));

afterAll(async () => {
  await app?.close();
});

const get = (path: string) => request(app.server).get(path);
const articles = () => app.strapi.documents(ARTICLE);
const rss = new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'xhtml:link', 'sitemap', 'entry', 'item', 'link', 'dc:creator', 'author'].includes(name),
});

/** Buffers a response body whatever its type (supertest parses only JSON and text by default). */
function raw(res: request.Response): string {
  return Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text;
}
const TRICKY_TITLE = 'Тест „кавички“ & <скоби> за емисията';
const TRICKY_LEDE = 'Лид с & и < и „български кавички“ — и Ж, Щ, Ю.';

async function publishStory(title: string, extra: Record<string, unknown> = {}, locale = 'bg') {
  const created = await articles().create({ locale, data: { title, lede: TRICKY_LEDE, ...extra } as never });
  await articles().publish({ documentId: created.documentId, locale });
  return (await articles().findOne({ documentId: created.documentId, locale, status: 'published' })) as unknown as {
    documentId: string;
    slug: string;
    publicationDate: string;
  };
}

describe('feeds', () => {
  let tricky: { documentId: string; slug: string };
  let draftTitle: string;
  let embargoTitle: string;

  beforeAll(async () => {
    tricky = await publishStory(TRICKY_TITLE);
    draftTitle = 'Чернова за емисията zqfeeddraftqz';
    await articles().create({ locale: 'bg', data: { title: draftTitle } as never });
    embargoTitle = 'Ембарго за емисията zqfeedembargoqz';
    await publishStory(embargoTitle, { publicationDate: new Date(Date.now() + 86_400_000).toISOString() });
  });

  test('RSS 2.0: published, released stories of the locale, newest first, escaped, absolute links, credits and cover enclosure', async () => {
    const res = await get('/api/feeds/rss?locale=bg').expect(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const body = raw(res);
    const feed = await rss.parseString(body);
    expect(feed.title).toBe('Новинар & Co');
    expect(feed.link).toBe(`${SITE}/bg`);
    expect(body).toContain('<language>bg</language>');
    const titles = feed.items.map((item) => item.title);
    expect(titles).toContain(TRICKY_TITLE);
    expect(titles).toContain(MAIN_TITLE);
    expect(body).not.toContain('zqfeeddraftqz');
    expect(body).not.toContain('zqfeedembargoqz');
    const dates = feed.items.map((item) => new Date(item.pubDate as string).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const trickyItem = feed.items.find((item) => item.title === TRICKY_TITLE);
    expect(trickyItem?.link).toBe(`${SITE}/bg/${tricky.slug}`);
    expect(trickyItem?.contentSnippet).toBe(TRICKY_LEDE);
    const main = feed.items.find((item) => item.title === MAIN_TITLE) as Parser.Item & { creators?: string[] };
    // The Putin story is an agency story: the byline is the agency credit.
    expect(main.creators?.length).toBe(1);
    expect(main.enclosure?.url).toMatch(new RegExp(`^${API}/uploads/.+\\.jpe?g$`));
    expect(main.enclosure?.type).toBe('image/jpeg');
    expect(Number(main.enclosure?.length)).toBeGreaterThan(1000);
    const meteor = feed.items.find((item) => /метеорен поток/.test(item.title ?? '')) as Parser.Item & { creators?: string[] };
    expect(meteor.creators).toEqual(['Елица Петрова']);
    // Every item: an absolute link on the site and a guid that is no permalink.
    for (const item of feed.items) expect(item.link?.startsWith(`${SITE}/bg/`)).toBe(true);
    expect(body).toMatch(/<guid isPermaLink="false">urn:novinar:article:/);
  });

  test('Atom 1.0: entries with text titles, authors, enclosure type from the file', async () => {
    const res = await get('/api/feeds/atom?locale=bg').expect(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const body = raw(res);
    const feed = await rss.parseString(body);
    expect(feed.items.map((item) => item.title)).toContain(TRICKY_TITLE);
    const doc = xml.parse(body) as { feed: { entry: Array<Record<string, unknown>>; '@xml:lang'?: string } };
    const entry = doc.feed.entry.find((candidate) => (candidate.title as { '#text': string })['#text'] === TRICKY_TITLE) as Record<string, unknown>;
    expect((entry.title as { '@type': string })['@type']).toBe('text');
    const main = doc.feed.entry.find((candidate) => (candidate.title as { '#text': string })['#text'] === MAIN_TITLE) as {
      link: Array<Record<string, string>>;
      author: Array<{ name: string }>;
    };
    expect(main.author.length).toBe(1);
    expect(main.link.find((link) => link['@rel'] === 'enclosure')?.['@type']).toBe('image/jpeg');
    expect(body).not.toContain('zqfeedembargoqz');
  });

  test('JSON Feed 1.1: required fields, authors, language, image', async () => {
    const res = await get('/api/feeds/json?locale=bg').expect(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(raw(res)) as { version: string; title: string; items: Array<Record<string, unknown>>; language: string; feed_url: string };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.language).toBe('bg');
    expect(feed.feed_url).toBe(`${API}/api/feeds/json?locale=bg`);
    expect(Array.isArray(feed.items)).toBe(true);
    for (const item of feed.items) {
      // JSON Feed 1.1: id (string) and content_html or content_text are required.
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text).toBe('string');
      expect(String(item.url)).toMatch(new RegExp(`^${SITE}/bg/`));
      expect(Array.isArray(item.authors)).toBe(true);
    }
    const trickyItem = feed.items.find((item) => item.title === TRICKY_TITLE);
    expect(trickyItem?.content_text).toBe(TRICKY_LEDE);
    const main = feed.items.find((item) => item.title === MAIN_TITLE) as { image: string };
    expect(main.image).toMatch(new RegExp(`^${API}/uploads/`));
    expect(JSON.stringify(feed)).not.toMatch(/zqfeed(draft|embargo)qz/);
  });

  test('English feed holds English variants only', async () => {
    const feed = await rss.parseString(raw(await get('/api/feeds/rss?locale=en').expect(200)));
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) expect(item.link?.startsWith(`${SITE}/en/`)).toBe(true);
    expect(feed.items.map((item) => item.title)).not.toContain(MAIN_TITLE);
  });

  test('narrowed by section, tag, agency and author; unknown ones 404, bad parameters 400', async () => {
    const section = (await app.strapi.documents(SECTION).findFirst({ locale: 'bg' })) as unknown as { slug: string; name: string };
    const narrowed = await rss.parseString(raw(await get(`/api/feeds/rss?locale=bg&section=${section.slug}`).expect(200)));
    expect(narrowed.title).toBe(`Новинар & Co — ${section.name}`);
    const inSection = (await articles().findMany({
      locale: 'bg',
      status: 'published',
      filters: { section: { slug: section.slug } },
      fields: ['title', 'publicationDate'],
    } as never)) as unknown as Array<{ title: string; publicationDate: string }>;
    const released = inSection.filter((story) => !story.publicationDate || new Date(story.publicationDate) <= new Date());
    expect(released.length).toBeGreaterThan(0);
    expect(narrowed.items.map((item) => item.title).sort()).toEqual(released.map((story) => story.title).sort());
    const byAuthor = await rss.parseString(raw(await get('/api/feeds/rss?locale=bg&author=elitsa-petrova').expect(200)));
    expect(byAuthor.items.map((item) => item.title)).toEqual([expect.stringMatching(/метеорен поток/)]);
    await get('/api/feeds/rss?locale=bg&section=no-such-section').expect(404);
    for (const query of ['section=Not%20A%20Slug', 'limit=0', 'limit=101', 'locale=xx', 'colour=red', 'tag[$ne]=x']) {
      const res = await get(`/api/feeds/atom?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
  });

  test("narrowing names: a draft-only author and another locale's section are 404; a narrowing without stories still names the feed", async () => {
    const draft = await app.strapi.documents(AUTHOR).create({ locale: 'bg', data: { name: 'Чернова Авторка', slug: 'zq-draft-feed-author' } as never });
    const empty = await app.strapi.documents(SECTION).create({ locale: 'bg', data: { name: 'Празна & рубрика', slug: 'zq-empty-feed-section' } as never });
    try {
      const res = await get('/api/feeds/rss?locale=bg&author=zq-draft-feed-author').expect(404);
      expect(res.body.error.message).toBe('No author with slug "zq-draft-feed-author" in locale bg.');
      const english = (await app.strapi.documents(SECTION).findMany({ locale: 'en', fields: ['slug'] } as never)) as unknown as Array<{ slug: string }>;
      const bulgarian = new Set(
        ((await app.strapi.documents(SECTION).findMany({ locale: 'bg', fields: ['slug'] } as never)) as unknown as Array<{ slug: string }>).map(
          (section) => section.slug,
        ),
      );
      const onlyEnglish = english.find((section) => !bulgarian.has(section.slug));
      if (onlyEnglish) await get(`/api/feeds/rss?locale=bg&section=${onlyEnglish.slug}`).expect(404);
      const feed = await rss.parseString(raw(await get('/api/feeds/rss?locale=bg&section=zq-empty-feed-section').expect(200)));
      expect(feed.title).toBe('Новинар & Co — Празна & рубрика');
      expect(feed.items).toEqual([]);
      const json = JSON.parse(raw(await get('/api/feeds/json?locale=bg&section=zq-empty-feed-section&tag=zq-no-such-tag').expect(404))) as {
        error: { message: string };
      };
      expect(json.error.message).toBe('No tag with slug "zq-no-such-tag" in locale bg.');
    } finally {
      await app.strapi.documents(AUTHOR).delete({ documentId: draft.documentId, locale: 'bg' } as never);
      await app.strapi.documents(SECTION).delete({ documentId: empty.documentId, locale: 'bg' } as never);
    }
  });

  test('conditional GET: ETag and Last-Modified answer 304', async () => {
    const first = await get('/api/feeds/rss?locale=bg').expect(200);
    expect(first.headers.etag).toMatch(/^W\/"/);
    expect(first.headers['last-modified']).toEqual(expect.any(String));
    await get('/api/feeds/rss?locale=bg').set('If-None-Match', first.headers.etag).expect(304);
    await get('/api/feeds/rss?locale=bg').set('If-Modified-Since', first.headers['last-modified']).expect(304);
    await get('/api/feeds/rss?locale=bg')
      .set('If-Modified-Since', new Date(Date.parse(first.headers['last-modified']) - 60_000).toUTCString())
      .expect(200);
  });

  test('cached, and invalidated by publish, unpublish and the end of an embargo', async () => {
    await get('/api/feeds/json?locale=bg').expect(200);
    expect((await get('/api/feeds/json?locale=bg').expect(200)).headers['x-cache']).toBe('HIT');
    const story = await publishStory('Нова история за емисиите');
    const titles = async () =>
      (JSON.parse(raw(await get('/api/feeds/json?locale=bg').expect(200))) as { items: Array<{ title: string }> }).items.map((item) => item.title);
    expect(await titles()).toContain('Нова история за емисиите');
    await articles().unpublish({ documentId: story.documentId, locale: 'bg' });
    expect(await titles()).not.toContain('Нова история за емисиите');
    expect(await titles()).not.toContain(embargoTitle);
    setAppClock(new Date(Date.now() + 2 * 86_400_000));
    expect(await titles()).toContain(embargoTitle);
  });
});

describe('compression', () => {
  let port: number;
  beforeAll(async () => {
    // Plain node:http, which (unlike superagent) hands back the bytes as sent, still encoded.
    const server = app.server as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  function fetchBytes(path: string, encoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  }

  test('gzip and brotli by Accept-Encoding, Vary right, decoding to the same bytes; cached hits compressed too', async () => {
    const plain = await fetchBytes('/api/feeds/json?locale=bg', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    const identity = plain.bytes.toString('utf8');
    for (const [encoding, decode] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      for (let i = 0; i < 2; i += 1) {
        const res = await fetchBytes('/api/feeds/json?locale=bg', encoding);
        expect(res.status).toBe(200);
        expect(res.headers['x-cache']).toBe('HIT');
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers.vary).toMatch(/Accept-Encoding/i);
        expect(res.headers.etag).toBe(plain.headers.etag);
        expect(res.bytes.length).toBeLessThan(plain.bytes.length);
        expect(decode(res.bytes).toString('utf8')).toBe(identity);
      }
    }
    const sitemap = await fetchBytes('/api/sitemaps/articles/bg-1.xml', 'gzip, br');
    expect(sitemap.headers['content-encoding']).toBe('br');
  });

  test('JSON API answers decode to the same JSON', async () => {
    const plain = await get('/api/teasers/latest?locale=bg&limit=20').set('Accept-Encoding', 'identity').expect(200);
    const res = await fetchBytes('/api/teasers/latest?locale=bg&limit=20', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(res.bytes).toString('utf8'))).toEqual(plain.body);
    const gzip = await fetchBytes('/api/teasers/latest?locale=bg&limit=20', 'gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.bytes).toString('utf8'))).toEqual(plain.body);
  });

  test('uploads are served with a long max-age', async () => {
    const main = await get(`/api/articles?locale=bg&filters[title][$eq]=${encodeURIComponent(MAIN_TITLE)}&populate[cover][fields][0]=url`).expect(200);
    const url = main.body.data[0].cover.url as string;
    const file = await get(url).expect(200);
    expect(file.headers['cache-control']).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(file.headers['cache-control'])?.[1])).toBeGreaterThanOrEqual(7 * 86_400);
  });
});

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: Array<{ '@rel': string; '@hreflang': string; '@href': string }>;
  'news:news'?: Record<string, unknown>;
}
const urlsOf = (body: string) => (xml.parse(body) as { urlset: { url?: UrlEntry[] } }).urlset.url ?? [];

describe('sitemaps', () => {
  let bilingual: { documentId: string; bgSlug: string; enSlug: string };

  beforeAll(async () => {
    const bg = await publishStory('Двуезична история за картата на сайта');
    await articles().update({ documentId: bg.documentId, locale: 'en', data: { title: 'A bilingual story for the sitemap' } as never });
    await articles().publish({ documentId: bg.documentId, locale: 'en' });
    const en = (await articles().findOne({ documentId: bg.documentId, locale: 'en', status: 'published' })) as unknown as { slug: string };
    bilingual = { documentId: bg.documentId, bgSlug: bg.slug, enSlug: en.slug };
  });

  test("the index lists every locale's article sitemaps and the others, absolute on the API", async () => {
    const res = await get('/api/sitemaps/index.xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const doc = xml.parse(raw(res)) as { sitemapindex: { sitemap: Array<{ loc: string }> } };
    expect(doc.sitemapindex.sitemap.map((entry) => entry.loc)).toEqual([
      `${API}/api/sitemaps/articles/bg-1.xml`,
      `${API}/api/sitemaps/articles/en-1.xml`,
      `${API}/api/sitemaps/sections.xml`,
      `${API}/api/sitemaps/tags.xml`,
      `${API}/api/sitemaps/authors.xml`,
      `${API}/api/sitemaps/news.xml`,
    ]);
    for (const entry of doc.sitemapindex.sitemap) await get(entry.loc.slice(API.length)).expect(200);
  });

  test('article sitemaps: every public story of the locale once, with reciprocal hreflang alternates and x-default to bg', async () => {
    const bgUrls = urlsOf(raw(await get('/api/sitemaps/articles/bg-1.xml').expect(200)));
    const enUrls = urlsOf(raw(await get('/api/sitemaps/articles/en-1.xml').expect(200)));
    const publicBg = (await articles().findMany({ locale: 'bg', status: 'published', fields: ['slug', 'publicationDate'] } as never)) as unknown as Array<{
      slug: string;
      publicationDate: string | null;
    }>;
    const released = publicBg.filter((story) => !story.publicationDate || new Date(story.publicationDate) <= new Date());
    expect(bgUrls.map((url) => url.loc).sort()).toEqual(released.map((story) => `${SITE}/bg/${story.slug}`).sort());
    for (const url of [...bgUrls, ...enUrls]) expect(url.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const bgEntry = bgUrls.find((url) => url.loc === `${SITE}/bg/${bilingual.bgSlug}`) as UrlEntry;
    const enEntry = enUrls.find((url) => url.loc === `${SITE}/en/${bilingual.enSlug}`) as UrlEntry;
    const expected = [
      { '@rel': 'alternate', '@hreflang': 'bg', '@href': `${SITE}/bg/${bilingual.bgSlug}` },
      { '@rel': 'alternate', '@hreflang': 'en', '@href': `${SITE}/en/${bilingual.enSlug}` },
      { '@rel': 'alternate', '@hreflang': 'x-default', '@href': `${SITE}/bg/${bilingual.bgSlug}` },
    ];
    expect(bgEntry['xhtml:link']).toEqual(expected);
    expect(enEntry['xhtml:link']).toEqual(expected);
    // Reciprocity over the whole files: every alternate of an entry lists the entry back.
    const all = new Map([...bgUrls, ...enUrls].map((url) => [url.loc, url]));
    for (const url of all.values()) {
      for (const alternate of url['xhtml:link'] ?? []) {
        if (alternate['@hreflang'] === 'x-default') continue;
        const other = all.get(alternate['@href']);
        expect(other?.['xhtml:link']?.map((link) => link['@href'])).toContain(url.loc);
      }
    }
  });

  test('a story with a draft-only variant has no alternate for it', async () => {
    const story = await publishStory('Само българска история с английска чернова');
    await articles().update({ documentId: story.documentId, locale: 'en', data: { title: 'Draft only zqvariantdraftqz' } as never });
    const body = raw(await get('/api/sitemaps/articles/bg-1.xml').expect(200));
    expect(body).not.toContain('zqvariantdraftqz');
    const entry = urlsOf(body).find((url) => url.loc === `${SITE}/bg/${story.slug}`) as UrlEntry;
    expect(entry['xhtml:link']).toBeUndefined();
  });

  test('Google News sitemap: the last 48 hours on the app clock, publication name and language, escaped', async () => {
    const start = new Date(Date.now() + 10 * 86_400_000);
    setAppClock(start);
    const story = await publishStory(TRICKY_TITLE.replace('емисията', 'новините'));
    const newsUrl = (body: string) => urlsOf(body).find((url) => url.loc === `${SITE}/bg/${story.slug}`);
    const entry = newsUrl(raw(await get('/api/sitemaps/news.xml').expect(200))) as UrlEntry;
    expect(entry['news:news']).toEqual({
      'news:publication': { 'news:name': 'Новинар & Co', 'news:language': 'bg' },
      'news:publication_date': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      'news:title': TRICKY_TITLE.replace('емисията', 'новините'),
    });
    setAppClock(new Date(start.getTime() + 47 * 3_600_000));
    expect(newsUrl(raw(await get('/api/sitemaps/news.xml').expect(200)))).toBeDefined();
    setAppClock(new Date(start.getTime() + 49 * 3_600_000));
    const later = raw(await get('/api/sitemaps/news.xml').expect(200));
    expect(newsUrl(later)).toBeUndefined();
    // The seeded stories (December 2025) are long out of the window.
    expect(urlsOf(later).length).toBeLessThanOrEqual(1000);
    expect(later).not.toContain(MAIN_TITLE);
  });

  test('sections, tags and authors sitemaps with alternates; tags and authors only with public stories', async () => {
    const sections = urlsOf(raw(await get('/api/sitemaps/sections.xml').expect(200)));
    expect(sections.length).toBeGreaterThan(0);
    for (const url of sections) expect(url.loc).toMatch(new RegExp(`^${SITE}/(bg|en)/section/[a-z0-9-]+$`));
    expect(sections.some((url) => (url['xhtml:link'] ?? []).some((link) => link['@hreflang'] === 'x-default'))).toBe(true);
    const tags = urlsOf(raw(await get('/api/sitemaps/tags.xml').expect(200)));
    expect(tags.length).toBeGreaterThan(0);
    const authors = urlsOf(raw(await get('/api/sitemaps/authors.xml').expect(200)));
    expect(authors.map((url) => url.loc)).toContain(`${SITE}/bg/authors/elitsa-petrova`);
  });

  test('bad sitemap names are 400, pages past the end 404', async () => {
    await get('/api/sitemaps/articles/bg.xml').expect(400);
    await get('/api/sitemaps/articles/xx-1.xml').expect(400);
    await get('/api/sitemaps/articles/bg-0.xml').expect(400);
    await get('/api/sitemaps/articles/bg-2.xml').expect(404);
    await get('/api/sitemaps/news.xml?page=2').expect(400);
  });
});
