import type { Core } from '@strapi/strapi';
import { listTag } from '../cache/response-cache';
import { now } from '../clock';
import { DEFAULT_LOCALE } from '../locales';
import { hreflangAlternates } from '../domain/seo';
import {
  NEWS_SITEMAP_MAX_URLS,
  SITEMAP_MAX_URLS,
  newsWindowStart,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  sitemapPageCount,
  type SitemapUrl,
} from '../domain/sitemaps/render-sitemaps';
import type { TextAnswer } from '../http/respond-text';
import { siteUrls, type SiteUrls } from '../feeds/site-urls';
import { ARTICLE, AUTHOR } from '../uids';
import { createSitemapReader, type PageEntry } from './sitemap-rows';

const XML = 'application/xml; charset=utf-8';
export type PageSitemap = 'sections' | 'tags' | 'authors';
export const PAGE_SITEMAPS: readonly PageSitemap[] = ['sections', 'tags', 'authors'];

/** Sitemap files of one locale's articles: `/api/sitemaps/articles/<locale>-<page>.xml`. */
export const articleSitemapPath = (locale: string, page: number) => `/api/sitemaps/articles/${locale}-${page}.xml`;

const xml = (body: string, cacheTags: string[]): TextAnswer => ({ body, contentType: XML, lastModified: null, cacheTags });

/**
 * The hreflang alternates of a sitemap URL: the page head's set (every public variant, itself
 * included, and x-default to the Bulgarian one), or none for a page in one language only.
 */
function alternatesOf(variants: ReadonlyArray<{ locale: string; slug: string }>, url: (locale: string, slug: string) => string) {
  return variants.length > 1
    ? hreflangAlternates(
        variants.map((variant) => ({ locale: variant.locale, url: url(variant.locale, variant.slug) })),
        DEFAULT_LOCALE,
      )
    : [];
}

/**
 * The sitemap index: every locale's article sitemaps (50,000 URLs each), the section, tag and
 * author sitemaps and the Google News sitemap, as absolute URLs on this API (PUBLIC_URL).
 */
export async function sitemapIndex(strapi: Core.Strapi, locales: readonly string[]): Promise<TextAnswer> {
  const urls = siteUrls(strapi);
  const counts = await createSitemapReader(strapi).articleCounts();
  const files = locales.flatMap((locale) =>
    Array.from({ length: sitemapPageCount(counts.get(locale) ?? 0) }, (_, index) => ({ loc: urls.api(articleSitemapPath(locale, index + 1)) })),
  );
  const others = [...PAGE_SITEMAPS.map((name) => `/api/sitemaps/${name}.xml`), '/api/sitemaps/news.xml'].map((path) => ({ loc: urls.api(path) }));
  return xml(renderSitemapIndex([...files, ...others]), [listTag(ARTICLE), listTag(AUTHOR)]);
}

/** One page of a locale's article sitemap, or null past the last page. */
export async function articleSitemap(strapi: Core.Strapi, locale: string, page: number): Promise<TextAnswer | null> {
  const urls = siteUrls(strapi);
  // One statement: the page itself tells whether it exists. Page 1 always does (an empty locale
  // still has a valid file); a later page exists while it has URLs, as with a count of them.
  const entries = await createSitemapReader(strapi).articlePage(locale, (page - 1) * SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
  if (page > 1 && entries.length === 0) return null;
  const body = renderUrlset(
    entries.map((entry) => ({
      loc: urls.article(locale, entry.slug),
      lastmod: entry.lastmod,
      alternates: alternatesOf(entry.variants, urls.article),
    })),
  );
  return xml(body, [listTag(ARTICLE)]);
}

/** Google News: stories of the last 48 hours on the app's clock, in every locale, at most 1,000. */
export async function newsSitemap(strapi: Core.Strapi): Promise<TextAnswer> {
  const urls = siteUrls(strapi);
  const stories = await createSitemapReader(strapi).newsSince(newsWindowStart(now()), NEWS_SITEMAP_MAX_URLS);
  const body = renderNewsSitemap(
    stories.map((story) => ({
      loc: urls.article(story.locale, story.slug),
      publicationName: urls.siteName,
      language: story.locale,
      publicationDate: story.published,
      title: story.title,
    })),
  );
  return xml(body, [listTag(ARTICLE)]);
}

function pageUrls(entries: readonly PageEntry[], url: (locale: string, slug: string) => string): SitemapUrl[] {
  return entries.map((entry) => ({
    loc: url(entry.locale, entry.slug),
    alternates: alternatesOf(entry.variants, url),
  }));
}

const PAGE_URL: Record<PageSitemap, (urls: SiteUrls) => (locale: string, slug: string) => string> = {
  sections: (urls) => urls.section,
  tags: (urls) => urls.tag,
  authors: (urls) => urls.author,
};

/** Section, tag or author pages (tags and authors with at least one public story), with hreflang alternates. */
export async function pageSitemap(strapi: Core.Strapi, name: PageSitemap): Promise<TextAnswer> {
  const urls = siteUrls(strapi);
  const entries = await createSitemapReader(strapi)[name]();
  // Agencies, tags and sections drop the whole cache when written; authors have their list tag.
  return xml(renderUrlset(pageUrls(entries.slice(0, SITEMAP_MAX_URLS), PAGE_URL[name](urls))), [listTag(ARTICLE), listTag(AUTHOR)]);
}
