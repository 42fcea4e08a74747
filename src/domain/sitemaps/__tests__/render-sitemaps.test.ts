import { XMLParser } from 'fast-xml-parser';
import { newsWindowStart, renderNewsSitemap, renderSitemapIndex, renderUrlset, sitemapPageCount, NEWS_SITEMAP_MAX_URLS } from '../render-sitemaps';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'xhtml:link', 'sitemap'].includes(name) });

describe('renderUrlset', () => {
  test('escapes & and < in URLs, writes W3C dates and xhtml:link alternates', () => {
    const xml = renderUrlset([
      { loc: 'https://x/bg/a?b=1&c=<2>', lastmod: new Date('2025-12-22T09:30:00.123Z'), alternates: [{ hreflang: 'bg', href: 'https://x/bg/a' }] },
    ]);
    expect(xml).toContain('<loc>https://x/bg/a?b=1&amp;c=&lt;2&gt;</loc>');
    const doc = parser.parse(xml);
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset.url[0]).toEqual({
      loc: 'https://x/bg/a?b=1&c=<2>',
      lastmod: '2025-12-22T09:30:00Z',
      'xhtml:link': [{ '@rel': 'alternate', '@hreflang': 'bg', '@href': 'https://x/bg/a' }],
    });
  });
});

describe('renderNewsSitemap', () => {
  test('Cyrillic, „…“ and & in titles survive; at most 1,000 URLs', () => {
    const title = 'Путин & Ким: „приятелство“ <ново>';
    const urls = Array.from({ length: NEWS_SITEMAP_MAX_URLS + 5 }, (_, i) => ({
      loc: `https://x/bg/${i}`,
      publicationName: 'Новинар',
      language: 'bg',
      publicationDate: new Date('2025-12-22T09:30:00Z'),
      title,
    }));
    const doc = parser.parse(renderNewsSitemap(urls));
    expect(doc.urlset.url).toHaveLength(NEWS_SITEMAP_MAX_URLS);
    expect(doc.urlset.url[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'Новинар', 'news:language': 'bg' },
      'news:publication_date': '2025-12-22T09:30:00Z',
      'news:title': title,
    });
  });
});

describe('escaping', () => {
  test('a typed entity stays as typed, quotes in attributes are escaped, empty text closes its element', () => {
    const news = renderNewsSitemap([{ loc: 'https://x/bg/a', publicationName: '', language: 'bg', publicationDate: new Date(0), title: 'R&amp;D "x"' }]);
    expect(news).toContain('<news:title>R&amp;amp;D "x"</news:title>');
    expect(news).toContain('<news:name/>');
    expect(parser.parse(news).urlset.url[0]['news:news']['news:title']).toBe('R&amp;D "x"');
    const urlset = renderUrlset([{ loc: 'https://x/bg/a', alternates: [{ hreflang: 'bg', href: 'https://x/"a"&b' }] }]);
    expect(urlset).toContain('href="https://x/&quot;a&quot;&amp;b"');
    expect(renderUrlset([])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"/>',
    );
  });
});

describe('renderSitemapIndex, windows and pages', () => {
  test('index entries', () => {
    expect(parser.parse(renderSitemapIndex([{ loc: 'https://api/s/bg-1.xml' }])).sitemapindex.sitemap).toEqual([{ loc: 'https://api/s/bg-1.xml' }]);
  });
  test('the news window is 48 hours', () => {
    expect(newsWindowStart(new Date('2025-12-24T12:00:00Z')).toISOString()).toBe('2025-12-22T12:00:00.000Z');
  });
  test.each([
    [0, 1],
    [1, 1],
    [50_000, 1],
    [50_001, 2],
    [150_000, 3],
  ])('%i URLs → %i pages', (count, pages) => {
    expect(sitemapPageCount(count)).toBe(pages);
  });
});
