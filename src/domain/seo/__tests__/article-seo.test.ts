import { buildArticleSeo, type SeoArticle, type SeoSettings } from '../article-seo';
import { newsArticleProblems } from '../../../../tests/helpers/news-article-expectations';

const SETTINGS: SeoSettings = {
  siteUrl: 'https://novinar.example',
  mediaUrl: 'https://cms.novinar.example',
  siteName: 'Новинар',
  logo: { url: 'https://novinar.example/logo.png', width: 600, height: 60 },
  twitterSite: '@novinar',
  articlePathPattern: '/{locale}/{slug}',
  authorPathPattern: '/{locale}/avtori/{slug}',
  defaultLocale: 'bg',
  isAccessibleForFree: true,
};

const WIRE: SeoArticle = {
  title: 'Изолираният Путин търси по-близко приятелство с Ким Чен Ун, праща му послание за по-тясно сътрудничество',
  slug: 'izoliraniyat-putin',
  locale: 'bg',
  lede: 'Руският президент призова за задълбочаване на връзките между Москва и Пхенян.',
  publicationDate: '2025-12-22T09:30:00.000Z',
  updatedDate: null,
  publishedAt: '2025-12-22T09:31:00.000Z',
  cover: { url: '/uploads/putin_kim.jpg', width: 1200, height: 800, alternativeText: 'Ким Чен Ун и Владимир Путин' },
  authors: [],
  sourceAgency: { name: 'БГНЕС', url: 'https://www.bgnes.bg' },
  section: { name: 'Свят' },
  tags: [{ name: 'Русия' }, { name: 'Северна Корея' }],
  variants: [
    { locale: 'bg', slug: 'izoliraniyat-putin' },
    { locale: 'en', slug: 'isolated-putin' },
  ],
};

const STAFF: SeoArticle = {
  ...WIRE,
  title: 'Пикът на метеорния поток',
  slug: 'pikat',
  updatedDate: '2025-12-23T10:00:00.000Z',
  authors: [{ name: 'Елица Петрова', slug: 'elitsa-petrova', role: 'Редактор „Наука“', sameAs: ['https://mastodon.social/@e'] }],
  variants: [{ locale: 'bg', slug: 'pikat' }],
};

describe('buildArticleSeo', () => {
  test('a wire story: the agency is the author and the source organization', () => {
    const seo = buildArticleSeo(WIRE, SETTINGS);
    expect(seo.jsonLd.author).toEqual([{ '@type': 'Organization', name: 'БГНЕС', url: 'https://www.bgnes.bg' }]);
    expect(seo.jsonLd.sourceOrganization).toEqual({ '@type': 'Organization', name: 'БГНЕС', url: 'https://www.bgnes.bg' });
    expect(newsArticleProblems(seo.jsonLd)).toEqual([]);
  });

  test('a staff story: bylines are Persons with their page, role and profiles; the agency stays the source', () => {
    const seo = buildArticleSeo(STAFF, SETTINGS);
    expect(seo.jsonLd.author).toEqual([
      {
        '@type': 'Person',
        name: 'Елица Петрова',
        url: 'https://novinar.example/bg/avtori/elitsa-petrova',
        jobTitle: 'Редактор „Наука“',
        sameAs: ['https://mastodon.social/@e'],
      },
    ]);
    expect(seo.jsonLd.sourceOrganization).toMatchObject({ name: 'БГНЕС' });
    expect(seo.jsonLd.dateModified).toBe('2025-12-23T10:00:00.000Z');
    expect(seo.openGraph['article:author']).toEqual(['https://novinar.example/bg/avtori/elitsa-petrova']);
    expect(newsArticleProblems(seo.jsonLd)).toEqual([]);
  });

  test('canonical, hreflang with x-default, Open Graph and Twitter fields', () => {
    const seo = buildArticleSeo(WIRE, SETTINGS);
    expect(seo.canonicalUrl).toBe('https://novinar.example/bg/izoliraniyat-putin');
    expect(seo.alternates).toEqual([
      { hreflang: 'bg', href: 'https://novinar.example/bg/izoliraniyat-putin' },
      { hreflang: 'en', href: 'https://novinar.example/en/isolated-putin' },
      { hreflang: 'x-default', href: 'https://novinar.example/bg/izoliraniyat-putin' },
    ]);
    expect(seo.openGraph).toMatchObject({
      'og:type': 'article',
      'og:url': seo.canonicalUrl,
      'og:locale': 'bg_BG',
      'og:locale:alternate': ['en_US'],
      'og:image': 'https://cms.novinar.example/uploads/putin_kim.jpg',
      'og:image:width': 1200,
      'og:image:height': 800,
      'article:published_time': '2025-12-22T09:30:00.000Z',
      'article:section': 'Свят',
      'article:tag': ['Русия', 'Северна Корея'],
    });
    expect(seo.twitter).toMatchObject({
      'twitter:card': 'summary_large_image',
      'twitter:site': '@novinar',
      'twitter:image': 'https://cms.novinar.example/uploads/putin_kim.jpg',
    });
    expect(seo.jsonLd).toMatchObject({ inLanguage: 'bg', isAccessibleForFree: true, articleSection: 'Свят', keywords: 'Русия, Северна Корея' });
  });

  test.each([
    ['no override: headline and lede', {}, WIRE.title, WIRE.lede],
    [
      'editor override',
      { metaTitle: 'Путин пише на Ким', metaDescription: 'Кратко описание за търсачките.' },
      'Путин пише на Ким',
      'Кратко описание за търсачките.',
    ],
  ])('meta title and description: %s', (_label, override, title, description) => {
    const seo = buildArticleSeo({ ...WIRE, ...override }, SETTINGS);
    expect(seo.metaTitle).toBe(title);
    expect(seo.metaDescription).toBe(description);
    expect(seo.openGraph['og:title']).toBe(title);
    expect(seo.twitter['twitter:description']).toBe(description);
    // The JSON-LD headline is the story's own, never the SEO override.
    expect(seo.jsonLd.headline).toBe(WIRE.title);
  });

  test('the current variant is in the alternates even when the variants list misses it', () => {
    const seo = buildArticleSeo({ ...WIRE, variants: [] }, SETTINGS);
    expect(seo.alternates.map((alternate) => alternate.hreflang)).toEqual(['bg', 'x-default']);
  });

  test('without a cover: no image fields and a summary card; without agency or byline the publisher is the author', () => {
    const seo = buildArticleSeo({ ...WIRE, cover: null, sourceAgency: null }, SETTINGS);
    expect(seo.jsonLd.image).toBeUndefined();
    expect(seo.openGraph['og:image']).toBeUndefined();
    expect(seo.twitter['twitter:card']).toBe('summary');
    expect(seo.jsonLd.author).toEqual([{ '@type': 'Organization', name: 'Новинар', url: 'https://novinar.example' }]);
    expect(seo.jsonLd.sourceOrganization).toBeUndefined();
  });

  test('an absolute media URL (a CDN upload provider) is kept', () => {
    const seo = buildArticleSeo({ ...WIRE, cover: { ...(WIRE.cover as NonNullable<SeoArticle['cover']>), url: 'https://cdn.example.com/p.jpg' } }, SETTINGS);
    expect(seo.openGraph['og:image']).toBe('https://cdn.example.com/p.jpg');
  });
});
