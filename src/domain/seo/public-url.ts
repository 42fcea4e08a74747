import { articlePath } from '../articles/article-path';

/**
 * Public addresses of the site's pages. The API answers with paths (`/bg/slug`) and, from a
 * configured site URL, absolute URLs: canonical links, hreflang, feeds and JSON-LD must be
 * absolute (Google's rules for hreflang links and sitemaps).
 */

/**
 * A pattern such as `/{locale}/authors/{slug}` filled for one page: the rule of article paths
 * (both values URL-encoded), for every page the head links to.
 */
export function fillPathPattern(pattern: string, locale: string, slug: string): string {
  return articlePath(pattern, locale, slug);
}

/**
 * The site URL as configured, checked: an absolute http(s) URL without query or fragment;
 * a trailing slash is dropped so paths can be appended. Throws a RangeError naming the problem.
 */
export function normaliseSiteUrl(value: string, name = 'PUBLIC_SITE_URL'): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new RangeError(`${name} must be an absolute URL such as https://novinar.bg, got "${value}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RangeError(`${name} must use http or https, got "${value}"`);
  if (parsed.search || parsed.hash) throw new RangeError(`${name} must not carry a query or fragment, got "${value}"`);
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

/** `path` on `base` (already normalised); an address that is already absolute stays as it is. */
export function absoluteUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
}
