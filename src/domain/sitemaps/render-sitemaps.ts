import type { Alternate } from '../seo';

/**
 * Sitemap documents (text and attributes escaped):
 * - the sitemaps.org 0.9 protocol's urlset and sitemap index: at most
 *   50,000 URLs per file, `loc` absolute, `lastmod` in W3C datetime;
 * - hreflang alternates as `xhtml:link rel="alternate"` inside each `url` (the set is built by
 *   domain/seo's hreflangAlternates, the same as in the page head);
 * - Google's news sitemap extension (namespace sitemap-news/0.9):
 *   articles of the last two days, at most 1,000 `url`s, each with `news:publication` (name,
 *   language) , `news:publication_date` and `news:title`.
 */

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
/** Per file, by the sitemaps.org protocol. */
export const SITEMAP_MAX_URLS = 50_000;
export const NEWS_SITEMAP_MAX_URLS = 1_000;
export const NEWS_WINDOW_HOURS = 48;

export interface SitemapUrl {
  loc: string;
  lastmod?: Date | null;
  alternates?: readonly Alternate[];
}
export interface NewsUrl {
  loc: string;
  publicationName: string;
  language: string;
  publicationDate: Date;
  title: string;
}
export interface SitemapRef {
  loc: string;
  lastmod?: Date | null;
}

const w3cDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Text content: `&`, `<` and `>` escaped (xmlbuilder2, which wrote these files before, left an `&` that starts an entity as it was; a title's `&amp;` now reads as typed). */
const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** An attribute value in double quotes: `"` escaped too. */
const attribute = (value: string) => text(value).replace(/"/g, '&quot;');
/** An element with text content (an empty one closes itself). */
const element = (name: string, value: string) => (value === '' ? `<${name}/>` : `<${name}>${text(value)}</${name}>`);
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** A document of one root element with `children` (lines already indented), or an empty root element. */
function document(root: string, name: string, children: string[]): string {
  return children.length ? `${XML_DECLARATION}\n${root}>\n${children.join('\n')}\n</${name}>` : `${XML_DECLARATION}\n${root}/>`;
}

/*
 * The documents are written as strings, line by line, in the layout xmlbuilder2's pretty print
 * gave them (two-space indent, one element per line): a news sitemap of 1,000 stories took
 * ~80-100 ms of CPU to build as an xmlbuilder2 tree, the whole cost of an uncached answer.
 */

export function renderUrlset(urls: readonly SitemapUrl[]): string {
  const lines: string[] = [];
  for (const url of urls) {
    lines.push('  <url>', `    ${element('loc', url.loc)}`);
    if (url.lastmod) lines.push(`    <lastmod>${w3cDate(url.lastmod)}</lastmod>`);
    for (const alternate of url.alternates ?? [])
      lines.push(`    <xhtml:link rel="alternate" hreflang="${attribute(alternate.hreflang)}" href="${attribute(alternate.href)}" />`);
    lines.push('  </url>');
  }
  return document(`<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}"`, 'urlset', lines);
}

export function renderNewsSitemap(urls: readonly NewsUrl[]): string {
  const lines: string[] = [];
  for (const url of urls.slice(0, NEWS_SITEMAP_MAX_URLS)) {
    lines.push(
      '  <url>',
      `    ${element('loc', url.loc)}`,
      '    <news:news>',
      '      <news:publication>',
      `        ${element('news:name', url.publicationName)}`,
      `        ${element('news:language', url.language)}`,
      '      </news:publication>',
      `      <news:publication_date>${w3cDate(url.publicationDate)}</news:publication_date>`,
      `      ${element('news:title', url.title)}`,
      '    </news:news>',
      '  </url>',
    );
  }
  return document(`<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}"`, 'urlset', lines);
}

export function renderSitemapIndex(sitemaps: readonly SitemapRef[]): string {
  const lines: string[] = [];
  for (const sitemap of sitemaps) {
    lines.push('  <sitemap>', `    ${element('loc', sitemap.loc)}`);
    if (sitemap.lastmod) lines.push(`    <lastmod>${w3cDate(sitemap.lastmod)}</lastmod>`);
    lines.push('  </sitemap>');
  }
  return document(`<sitemapindex xmlns="${SITEMAP_NS}"`, 'sitemapindex', lines);
}

/** The start of the Google News window: stories published after it belong in the news sitemap. */
export function newsWindowStart(at: Date): Date {
  return new Date(at.getTime() - NEWS_WINDOW_HOURS * 3600_000);
}

/** Pages of `count` URLs at SITEMAP_MAX_URLS each (at least one, so an empty locale still has a valid file). */
export function sitemapPageCount(count: number, perPage = SITEMAP_MAX_URLS): number {
  return Math.max(1, Math.ceil(count / perPage));
}
