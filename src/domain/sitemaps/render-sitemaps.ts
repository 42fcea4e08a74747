import { create } from 'xmlbuilder2';
import type { Alternate } from '../seo';

/**
 * Sitemap documents, written with xmlbuilder2 (it escapes text and attributes):
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

export function renderUrlset(urls: readonly SitemapUrl[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'urlset').att('xmlns:xhtml', XHTML_NS);
  for (const url of urls) {
    const entry = root.ele('url');
    entry.ele('loc').txt(url.loc);
    if (url.lastmod) entry.ele('lastmod').txt(w3cDate(url.lastmod));
    for (const alternate of url.alternates ?? [])
      entry.ele(XHTML_NS, 'xhtml:link').att({ rel: 'alternate', hreflang: alternate.hreflang, href: alternate.href });
  }
  return root.end({ prettyPrint: true });
}

export function renderNewsSitemap(urls: readonly NewsUrl[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'urlset').att('xmlns:news', NEWS_NS);
  for (const url of urls.slice(0, NEWS_SITEMAP_MAX_URLS)) {
    const entry = root.ele('url');
    entry.ele('loc').txt(url.loc);
    const news = entry.ele(NEWS_NS, 'news:news');
    const publication = news.ele(NEWS_NS, 'news:publication');
    publication.ele(NEWS_NS, 'news:name').txt(url.publicationName);
    publication.ele(NEWS_NS, 'news:language').txt(url.language);
    news.ele(NEWS_NS, 'news:publication_date').txt(w3cDate(url.publicationDate));
    news.ele(NEWS_NS, 'news:title').txt(url.title);
  }
  return root.end({ prettyPrint: true });
}

export function renderSitemapIndex(sitemaps: readonly SitemapRef[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'sitemapindex');
  for (const sitemap of sitemaps) {
    const entry = root.ele('sitemap');
    entry.ele('loc').txt(sitemap.loc);
    if (sitemap.lastmod) entry.ele('lastmod').txt(w3cDate(sitemap.lastmod));
  }
  return root.end({ prettyPrint: true });
}

/** The start of the Google News window: stories published after it belong in the news sitemap. */
export function newsWindowStart(at: Date): Date {
  return new Date(at.getTime() - NEWS_WINDOW_HOURS * 3600_000);
}

/** Pages of `count` URLs at SITEMAP_MAX_URLS each (at least one, so an empty locale still has a valid file). */
export function sitemapPageCount(count: number, perPage = SITEMAP_MAX_URLS): number {
  return Math.max(1, Math.ceil(count / perPage));
}
