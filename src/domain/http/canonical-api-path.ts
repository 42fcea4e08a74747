/**
 * The one spelling of a public API path (REST under `/api`, and `/graphql`), or null when the
 * path is not part of the public API.
 *
 * Strapi's router matches routes case-insensitively and ignores a trailing slash, so
 * `/API/articles`, `/api/Articles` and `/api/articles/` all reach the same action. Anything keyed
 * on the path (the response cache, the list tags that invalidate it) has to see one spelling,
 * otherwise a variant gets an entry that no publish ever drops, or skips the cache altogether.
 * The canonical spelling: ASCII letters lower-cased, runs of slashes collapsed, no trailing
 * slash. Lower-casing is safe because every value that appears in our paths is lower-case:
 * route names, slugs (a-z, 0-9 and hyphens, see domain/slug/validate-slug.ts) and Strapi's
 * document ids (cuid2: lower-case letters and digits). Only ASCII letters are folded: our routes
 * are ASCII, and a raw non-ASCII byte is left as sent rather than turned into another byte.
 */
export function canonicalApiPath(path: string): string | null {
  const canonical = (path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1') || '/').replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  if (canonical === '/api' || canonical.startsWith('/api/') || canonical === '/graphql') return canonical;
  return null;
}
