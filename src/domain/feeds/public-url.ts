/**
 * Absolute public URLs of the site's pages, from the configured site URL and path patterns
 * (`{locale}`, `{slug}`, `{section}` are replaced, each percent-encoded). Feeds and sitemaps
 * must carry absolute URLs (RSS 2.0 `link`, Atom `id`, sitemaps.org `loc`).
 */
export type PathValues = Readonly<Record<string, string>>;

export function fillPathPattern(pattern: string, values: PathValues): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : encodeURIComponent(values[name])));
}

/** `base` without a trailing slash joined with `path`; a URL that is already absolute is kept. */
export function absoluteUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** A site URL a feed may use: http(s), no query or fragment. Throws with the setting's name otherwise (read at boot). */
export function assertSiteUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL such as https://novini.example (got "${value}").`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) throw new Error(`${name} must be an http(s) URL without query or fragment (got "${value}").`);
  return value.replace(/\/+$/, '');
}
