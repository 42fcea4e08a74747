/**
 * The page head's title and description: what an editor typed for search and sharing, or else
 * the headline and the lede. Search engines show about 155-160 characters of a description
 * and Google asks NewsArticle headlines to stay within 110 characters
 * (Google Search Central's Article structured-data guide), so the
 * fallbacks are shortened at a word boundary with an ellipsis.
 */
export const META_DESCRIPTION_MAX = 160;
export const HEADLINE_MAX = 110;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** At most `max` characters, cut after a whole word and ended with "…" when something was cut. */
export function shortenAtWord(text: string, max: number): string {
  const clean = squash(text);
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = (space > max / 2 ? room.slice(0, space) : room).replace(/[\s,;:.\-–—]+$/u, '');
  return `${cut}…`;
}

const present = (value: string | null | undefined): value is string => typeof value === 'string' && squash(value) !== '';

/** The editor's meta title, else the headline (left whole: the title tag is the site's to shorten). */
export function metaTitle(override: string | null | undefined, title: string): string {
  return present(override) ? squash(override) : squash(title);
}

/** The editor's meta description as typed, else the lede shortened; null when there is neither. */
export function metaDescription(override: string | null | undefined, lede: string | null | undefined): string | null {
  if (present(override)) return squash(override);
  return present(lede) ? shortenAtWord(lede, META_DESCRIPTION_MAX) : null;
}

/** The JSON-LD headline: the headline within Google's 110 characters. */
export function jsonLdHeadline(title: string): string {
  return shortenAtWord(title, HEADLINE_MAX);
}
