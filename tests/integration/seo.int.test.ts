import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { MAIN_TITLE } from '../helpers/fixtures';
import { newsArticleProblems } from '../helpers/news-article-expectations';
import { ARTICLE, AUTHOR } from '../../src/uids';

let app: TestApp;
let mainSlug: string;
let mainEnSlug: string;

const SITE = 'https://novinar.example';
const METEOR_SLUG = 'pikat-na-poslednia-za-2025-g-meteoren-potok-e-na-22-dekemvri';

beforeAll(async () => {
  app = await startTestApp({
    RESPONSE_CACHE: 'true',
    PUBLIC_SITE_URL: `${SITE}/`,
    SITE_NAME: 'Новинар',
    SITE_LOGO_URL: `${SITE}/logo.png`,
    SITE_LOGO_WIDTH: '600',
    SITE_LOGO_HEIGHT: '60',
    TWITTER_SITE: '@novinar',
    AUTHOR_PATH_PATTERN: '/{locale}/avtori/{slug}',
  });
  const main = await app.strapi.documents(ARTICLE).findFirst({ locale: 'bg', status: 'published', filters: { title: MAIN_TITLE } });
  const mainEn = await app.strapi.documents(ARTICLE).findOne({ documentId: main?.documentId as string, locale: 'en', status: 'published' });
  mainSlug = main?.slug as string;
  mainEnSlug = mainEn?.slug as string;
  if (!mainSlug || !mainEnSlug) throw new Error('fixture: the seeded main story needs its bg and en variants');
});

afterAll(async () => {
  await app?.close();
});

const get = (path: string, query: Record<string, string> = {}) => request(app.server).get(path).query(query);
const gql = (query: string, variables: Record<string, unknown> = {}) => request(app.server).post('/graphql').send({ query, variables });

describe('REST by-slug answer: localizations and page head', () => {
  test('the Putin story: localizations, canonical, reciprocal hreflang, agency as author', async () => {
    const bg = await get(`/api/articles/by-slug/${mainSlug}`).expect(200);
    const en = await get(`/api/articles/by-slug/${mainEnSlug}`, { locale: 'en' }).expect(200);
    expect(bg.body.data.localizations).toEqual([{ locale: 'en', slug: mainEnSlug, path: `/en/${mainEnSlug}`, url: `${SITE}/en/${mainEnSlug}` }]);
    expect(en.body.data.localizations).toEqual([{ locale: 'bg', slug: mainSlug, path: `/bg/${mainSlug}`, url: `${SITE}/bg/${mainSlug}` }]);
    const { seo } = bg.body.data;
    expect(seo.canonicalUrl).toBe(`${SITE}/bg/${mainSlug}`);
    expect(seo.alternates).toEqual([
      { hreflang: 'bg', href: `${SITE}/bg/${mainSlug}` },
      { hreflang: 'en', href: `${SITE}/en/${mainEnSlug}` },
      { hreflang: 'x-default', href: `${SITE}/bg/${mainSlug}` },
    ]);
    // Reciprocity: each variant names the other and itself, the same set.
    expect(en.body.data.seo.alternates).toEqual(seo.alternates);
    expect(en.body.data.seo.canonicalUrl).toBe(`${SITE}/en/${mainEnSlug}`);
    expect(bg.body.data.authors).toEqual([]);
    expect(seo.jsonLd.author).toEqual([{ '@type': 'Organization', name: 'БГНЕС', url: 'https://www.bgnes.bg' }]);
    expect(seo.jsonLd.sourceOrganization).toEqual({ '@type': 'Organization', name: 'БГНЕС', url: 'https://www.bgnes.bg' });
    expect(en.body.data.seo.jsonLd.author).toEqual([{ '@type': 'Organization', name: 'BGNES', url: 'https://www.bgnes.bg' }]);
  });

  test('JSON-LD: every NewsArticle field present and typed, image with its pixel size, in both locales', async () => {
    for (const [slug, locale] of [
      [mainSlug, 'bg'],
      [mainEnSlug, 'en'],
      [METEOR_SLUG, 'bg'],
    ]) {
      const res = await get(`/api/articles/by-slug/${slug}`, { locale }).expect(200);
      const { jsonLd } = res.body.data.seo;
      expect({ slug, problems: newsArticleProblems(jsonLd) }).toEqual({ slug, problems: [] });
      expect(jsonLd).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        inLanguage: locale,
        isAccessibleForFree: true,
        datePublished: res.body.data.publicationDate,
        publisher: { '@type': 'Organization', name: 'Новинар', url: SITE, logo: { '@type': 'ImageObject', url: `${SITE}/logo.png`, width: 600, height: 60 } },
      });
      expect(jsonLd.image[0]).toMatchObject({ url: `${SITE}${res.body.data.cover.url}`, width: res.body.data.cover.width, height: res.body.data.cover.height });
      expect(jsonLd.articleSection).toBe(res.body.data.section.name);
      expect(jsonLd.keywords).toBe(res.body.data.tags.map((tag: { name: string }) => tag.name).join(', '));
    }
  });

  test('the staff story: its byline is a Person with the author page, and the agency stays the source', async () => {
    const res = await get(`/api/articles/by-slug/${METEOR_SLUG}`).expect(200);
    expect(res.body.data.authors).toEqual([expect.objectContaining({ name: 'Елица Петрова', slug: 'elitsa-petrova', role: 'Редактор „Наука“' })]);
    expect(res.body.data.seo.jsonLd.author).toEqual([
      {
        '@type': 'Person',
        name: 'Елица Петрова',
        url: `${SITE}/bg/avtori/elitsa-petrova`,
        jobTitle: 'Редактор „Наука“',
        sameAs: ['https://mastodon.social/@novinar_demo_elitsa'],
      },
    ]);
    expect(res.body.data.seo.jsonLd.sourceOrganization.name).toBe('БГНЕС');
    expect(res.body.data.seo.openGraph['article:author']).toEqual([`${SITE}/bg/avtori/elitsa-petrova`]);
    expect(res.body.data.localizations).toEqual([]);
  });

  test('Open Graph and Twitter fields', async () => {
    const res = await get(`/api/articles/by-slug/${mainSlug}`).expect(200);
    const { openGraph, twitter, metaTitle, metaDescription } = res.body.data.seo;
    expect(metaTitle).toBe(MAIN_TITLE);
    expect(metaDescription.length).toBeLessThanOrEqual(160);
    expect(openGraph).toMatchObject({
      'og:type': 'article',
      'og:title': MAIN_TITLE,
      'og:url': `${SITE}/bg/${mainSlug}`,
      'og:site_name': 'Новинар',
      'og:locale': 'bg_BG',
      'og:locale:alternate': ['en_US'],
      'og:image': `${SITE}${res.body.data.cover.url}`,
      'og:image:width': res.body.data.cover.width,
      'og:image:height': res.body.data.cover.height,
      'article:published_time': res.body.data.publicationDate,
      'article:section': 'Свят',
    });
    expect(twitter).toMatchObject({
      'twitter:card': 'summary_large_image',
      'twitter:title': MAIN_TITLE,
      'twitter:site': '@novinar',
      'twitter:image': openGraph['og:image'],
    });
  });
});

describe('GET /api/articles/by-slug/:slug/seo', () => {
  test('answers the same page head as the by-slug answer, with localizations', async () => {
    const page = await get(`/api/articles/by-slug/${mainSlug}`).expect(200);
    const seo = await get(`/api/articles/by-slug/${mainSlug}/seo`, { locale: 'bg' }).expect(200);
    expect(seo.body.data).toEqual({
      documentId: page.body.data.documentId,
      locale: 'bg',
      slug: mainSlug,
      localizations: page.body.data.localizations,
      seo: page.body.data.seo,
    });
    expect(seo.headers['cache-control']).toMatch(/public/);
  });

  test.each([
    ['unknown slug', '/api/articles/by-slug/nyama-takava/seo', {}, 404],
    ['slug of another locale', 'MAIN/seo', { locale: 'en' }, 404],
    ['unknown parameter', 'MAIN/seo', { populate: '*' }, 400],
    ['unknown locale', 'MAIN/seo', { locale: 'xx' }, 400],
  ])('%s → %s', async (_label, path, query, status) => {
    const res = await get(path.startsWith('MAIN') ? `/api/articles/by-slug/${mainSlug}/${path.slice(5)}` : path, query as Record<string, string>).expect(
      status,
    );
    expect(res.body.error.message).toBeTruthy();
  });

  test('an editor override replaces title and description, and the cached head goes stale on publish', async () => {
    const story = await app.strapi
      .documents(ARTICLE)
      .create({ locale: 'bg', data: { title: 'Софийското метро стига до Божурище', lede: 'Дълъг лид за метрото.' } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: 'bg' });
    const first = await get(`/api/articles/by-slug/${story.slug}/seo`).expect(200);
    expect(first.body.data.seo.metaTitle).toBe('Софийското метро стига до Божурище');
    expect((await get(`/api/articles/by-slug/${story.slug}/seo`).expect(200)).headers['x-cache']).toBe('HIT');
    await app.strapi.documents(ARTICLE).update({
      documentId: story.documentId,
      locale: 'bg',
      data: { metaTitle: 'Метро до Божурище', metaDescription: 'Кога тръгва метрото до Божурище.' } as never,
    });
    // A draft edit changes nothing public.
    expect((await get(`/api/articles/by-slug/${story.slug}/seo`).expect(200)).body.data.seo.metaTitle).toBe('Софийското метро стига до Божурище');
    await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: 'bg' });
    const after = await get(`/api/articles/by-slug/${story.slug}/seo`).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.seo).toMatchObject({ metaTitle: 'Метро до Божурище', metaDescription: 'Кога тръгва метрото до Божурище.' });
    expect(after.body.data.seo.jsonLd.headline).toBe('Софийското метро стига до Божурище');
  });

  test('a new published variant appears in the other variant’s localizations at once (cache dropped)', async () => {
    const story = await app.strapi.documents(ARTICLE).create({ locale: 'bg', data: { title: 'Кърджали посреща фестивал', lede: 'Лид.' } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: 'bg' });
    expect((await get(`/api/articles/by-slug/${story.slug}`).expect(200)).body.data.localizations).toEqual([]);
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: story.documentId, locale: 'en', data: { title: 'Kardzhali hosts a festival', lede: 'Lede.' } as never });
    expect((await get(`/api/articles/by-slug/${story.slug}`).expect(200)).body.data.localizations).toEqual([]);
    await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId, locale: 'en' });
    const res = await get(`/api/articles/by-slug/${story.slug}`).expect(200);
    expect(res.body.data.localizations).toEqual([
      { locale: 'en', slug: 'kardzhali-hosts-a-festival', path: '/en/kardzhali-hosts-a-festival', url: `${SITE}/en/kardzhali-hosts-a-festival` },
    ]);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: story.documentId, locale: 'en' });
    expect((await get(`/api/articles/by-slug/${story.slug}/seo`).expect(200)).body.data.localizations).toEqual([]);
  });
});

describe('cards carry an absolute url and their bylines', () => {
  test('latest, related and author cards', async () => {
    const latest = await get('/api/teasers/latest', { limit: '50' }).expect(200);
    for (const card of latest.body.data) expect(card.url).toBe(`${SITE}${card.path}`);
    const meteor = latest.body.data.find((card: { slug: string }) => card.slug === METEOR_SLUG);
    expect(meteor.authors).toEqual([{ documentId: expect.any(String), name: 'Елица Петрова', slug: 'elitsa-petrova' }]);
    const putin = latest.body.data.find((card: { slug: string }) => card.slug === mainSlug);
    expect(putin.authors).toEqual([]);
    const related = await get(`/api/articles/by-slug/${mainSlug}/related`, { limit: '5' }).expect(200);
    expect(related.body.data.every((card: { url: string; path: string }) => card.url === `${SITE}${card.path}`)).toBe(true);
  });

  test("an author's edit drops every cached answer showing that author", async () => {
    const paths = [
      `/api/articles/by-slug/${METEOR_SLUG}`,
      `/api/articles/by-slug/${METEOR_SLUG}/seo`,
      '/api/teasers/latest?limit=50',
      '/api/authors/by-slug/elitsa-petrova',
      '/api/authors/by-slug/elitsa-petrova/articles',
    ];
    for (const path of paths) await get(path).expect(200);
    for (const path of paths) expect({ path, cache: (await get(path).expect(200)).headers['x-cache'] }).toEqual({ path, cache: 'HIT' });
    const author = await app.strapi.documents(AUTHOR).findFirst({ locale: 'bg', status: 'published', filters: { slug: 'elitsa-petrova' } });
    await app.strapi.documents(AUTHOR).update({ documentId: author?.documentId as string, locale: 'bg', data: { role: 'Главен редактор „Наука“' } as never });
    await app.strapi.documents(AUTHOR).publish({ documentId: author?.documentId as string, locale: 'bg' });
    for (const path of paths) expect({ path, cache: (await get(path).expect(200)).headers['x-cache'] }).toEqual({ path, cache: 'MISS' });
    const page = await get(`/api/articles/by-slug/${METEOR_SLUG}`).expect(200);
    expect(page.body.data.authors[0].role).toBe('Главен редактор „Наука“');
    expect(page.body.data.seo.jsonLd.author[0].jobTitle).toBe('Главен редактор „Наука“');
    const seo = await get(`/api/articles/by-slug/${METEOR_SLUG}/seo`).expect(200);
    expect(seo.body.data.seo.jsonLd.author[0].jobTitle).toBe('Главен редактор „Наука“');
  });
});

describe('GraphQL', () => {
  test('articleBySlug carries the same page head as REST; cards carry url and authors', async () => {
    const rest = await get(`/api/articles/by-slug/${METEOR_SLUG}`).expect(200);
    const res = await gql(
      `query ($slug: String!) {
      articleBySlug(slug: $slug) { authors { name slug } seo { metaTitle metaDescription canonicalUrl alternates { hreflang href } localizations { locale slug path url } openGraph twitter jsonLd } }
      articleSeo(slug: $slug) { canonicalUrl }
      latestTeasers(limit: 10) { cards { slug url path authors { name slug } } }
    }`,
      { slug: METEOR_SLUG },
    );
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    const { localizations, ...seo } = res.body.data.articleBySlug.seo;
    expect(seo).toEqual(rest.body.data.seo);
    expect(localizations).toEqual(rest.body.data.localizations);
    expect(res.body.data.articleBySlug.authors).toEqual([{ name: rest.body.data.authors[0].name, slug: 'elitsa-petrova' }]);
    expect(res.body.data.articleSeo.canonicalUrl).toBe(rest.body.data.seo.canonicalUrl);
    const card = res.body.data.latestTeasers.cards.find((item: { slug: string }) => item.slug === METEOR_SLUG);
    expect(card).toMatchObject({ url: `${SITE}${card.path}`, authors: [{ slug: 'elitsa-petrova' }] });
  });

  test('unknown slugs answer null field by field, without nulling the rest of the response', async () => {
    const res = await gql(`{
      articleBySlug(slug: "nyama-takava-statia") { title }
      relatedArticles(slug: "nyama-takava-statia") { slug }
      comments(slug: "nyama-takava-statia") { total }
      articleSeo(slug: "nyama-takava-statia") { canonicalUrl }
      authorBySlug(slug: "nyama-takav-avtor") { name }
      authorArticles(slug: "nyama-takav-avtor") { cards { slug } }
      latestTeasers(limit: 1) { cards { slug } }
    }`).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({
      articleBySlug: null,
      relatedArticles: null,
      comments: null,
      articleSeo: null,
      authorBySlug: null,
      authorArticles: null,
    });
    expect(res.body.data.latestTeasers.cards).toHaveLength(1);
  });

  test('authorBySlug and authorArticles give the REST author and cards', async () => {
    const rest = await get('/api/authors/by-slug/elitsa-petrova/articles').expect(200);
    const res = await gql(
      `{ authorBySlug(slug: "elitsa-petrova", locale: "en") { name role links { label url } } authorArticles(slug: "elitsa-petrova") { cards { documentId slug url } nextCursor } }`,
    ).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.authorBySlug).toMatchObject({
      name: 'Elitsa Petrova',
      role: 'Science editor',
      links: [{ label: 'Mastodon', url: 'https://mastodon.social/@novinar_demo_elitsa' }],
    });
    expect(res.body.data.authorArticles.cards).toEqual(
      rest.body.data.map((card: { documentId: string; slug: string; url: string }) => ({ documentId: card.documentId, slug: card.slug, url: card.url })),
    );
  });
});
