import type { Core } from '@strapi/strapi';
import type { NovinarConfig } from '../../config/novinar';
import { absoluteUrl, fillPathPattern, normaliseSiteUrl } from '../domain/seo';
import { seoSettings } from '../seo/seo-settings';

/** Absolute public URLs of the site's pages, of media files and of this API, from the config. */
export interface SiteUrls {
  siteName: string;
  site: string;
  /** The home page of a locale: `<site>/<locale>`. */
  home(locale: string): string;
  article(locale: string, slug: string): string;
  section(locale: string, slug: string): string;
  tag(locale: string, slug: string): string;
  author(locale: string, slug: string): string;
  /** A media file's URL (`/uploads/…` made absolute like the page head's images; a provider's absolute URL as it is). */
  media(url: string): string;
  /** An address on this API (`/api/feeds/rss`), for self links and sitemap indexes: PUBLIC_URL, else localhost. */
  api(path: string): string;
}

/**
 * The page-head settings (src/seo/seo-settings.ts: PUBLIC_SITE_URL, SITE_NAME, article and
 * author path patterns, the media host, checked at start) plus the section and tag path
 * patterns that feeds and sitemaps also need.
 */
export function siteUrls(strapi: Core.Strapi): SiteUrls {
  const settings = seoSettings(strapi);
  const config = strapi.config.get('novinar') as NovinarConfig;
  const serverUrl = strapi.config.get('server.url') as string | undefined;
  const apiBase = serverUrl ? normaliseSiteUrl(serverUrl, 'PUBLIC_URL') : `http://localhost:${strapi.config.get('server.port') as number}`;
  const page = (pattern: string) => (locale: string, slug: string) => absoluteUrl(settings.siteUrl, fillPathPattern(pattern, locale, slug));
  return {
    siteName: settings.siteName,
    site: settings.siteUrl,
    home: (locale) => absoluteUrl(settings.siteUrl, `/${encodeURIComponent(locale)}`),
    article: page(settings.articlePathPattern),
    section: page(config.sectionPathPattern),
    tag: page(config.tagPathPattern),
    author: page(settings.authorPathPattern),
    media: (url) => absoluteUrl(settings.mediaUrl, url),
    api: (path) => absoluteUrl(apiBase, path),
  };
}
