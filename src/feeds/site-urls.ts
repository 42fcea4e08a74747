import type { Core } from '@strapi/strapi';
import type { NovinarConfig } from '../../config/novinar';
import { absoluteUrl, assertSiteUrl, fillPathPattern } from '../domain/feeds/public-url';

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
  /** A media file's URL (`/uploads/…` on the media host; a provider's absolute URL as it is). */
  media(url: string): string;
  /** An address on this API (`/api/feeds/rss`), for self links and sitemap indexes. */
  api(path: string): string;
}

/**
 * Read from `novinar` and `server` config. Checked at boot (bootstrap calls it), so a site URL
 * that is not an absolute http(s) URL stops the start with its setting's name instead of
 * failing feeds later.
 */
export function siteUrls(strapi: Core.Strapi): SiteUrls {
  const config = strapi.config.get('novinar') as NovinarConfig;
  const site = assertSiteUrl('PUBLIC_SITE_URL', config.publicSiteUrl);
  const serverUrl = (strapi.config.get('server.url') as string | undefined) || `http://localhost:${strapi.config.get('server.port') as number}`;
  const apiBase = assertSiteUrl('PUBLIC_URL', serverUrl);
  const mediaBase = config.publicMediaUrl ? assertSiteUrl('PUBLIC_MEDIA_URL', config.publicMediaUrl) : apiBase;
  const page = (pattern: string) => (locale: string, slug: string) => absoluteUrl(site, fillPathPattern(pattern, { locale, slug }));
  return {
    siteName: config.siteName,
    site,
    home: (locale) => absoluteUrl(site, `/${encodeURIComponent(locale)}`),
    article: page(config.articlePathPattern),
    section: page(config.sectionPathPattern),
    tag: page(config.tagPathPattern),
    author: page(config.authorPathPattern),
    media: (url) => absoluteUrl(mediaBase, url),
    api: (path) => absoluteUrl(apiBase, path),
  };
}
