import type { Core } from '@strapi/strapi';
import type { NovinarConfig } from '../../config/novinar';
import { DEFAULT_LOCALE } from '../locales';
import { absoluteUrl, normaliseSiteUrl, type SeoSettings } from '../domain/seo';

const settingsOf = new WeakMap<object, SeoSettings>();

/**
 * The site settings the page-head builders take, from config/novinar.ts (`site`, path patterns)
 * and PUBLIC_URL, checked once per app: a malformed PUBLIC_SITE_URL stops the start with a
 * message naming it (bootstrap calls this) rather than serving broken canonical links.
 */
export function seoSettings(strapi: Core.Strapi): SeoSettings {
  const known = settingsOf.get(strapi);
  if (known) return known;
  const config = strapi.config.get('novinar') as NovinarConfig;
  const siteUrl = normaliseSiteUrl(config.site.url);
  const serverUrl = strapi.config.get('server.url') as string | undefined;
  const mediaUrl = serverUrl ? normaliseSiteUrl(serverUrl, 'PUBLIC_URL') : siteUrl;
  const logoUrl = config.site.logoUrl ? absoluteUrl(mediaUrl, config.site.logoUrl) : null;
  const settings: SeoSettings = {
    siteUrl,
    mediaUrl,
    siteName: config.site.name,
    logo: logoUrl ? { url: logoUrl, width: config.site.logoWidth || null, height: config.site.logoHeight || null } : null,
    twitterSite: config.site.twitterSite || null,
    articlePathPattern: config.articlePathPattern,
    authorPathPattern: config.authorPathPattern,
    defaultLocale: DEFAULT_LOCALE,
    isAccessibleForFree: config.site.accessibleForFree,
  };
  settingsOf.set(strapi, settings);
  return settings;
}

/** Checks the settings at start and says what is missing for Google's article rich results. */
export function checkSeoSettings(strapi: Core.Strapi): void {
  const settings = seoSettings(strapi);
  if (!settings.logo) strapi.log.warn('SITE_LOGO_URL is not set: the NewsArticle JSON-LD has a publisher without a logo.');
  if (process.env.NODE_ENV === 'production' && !process.env.PUBLIC_SITE_URL)
    strapi.log.warn(`PUBLIC_SITE_URL is not set: absolute URLs point at ${settings.siteUrl}.`);
}
