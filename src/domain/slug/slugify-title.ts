import slugify from 'slugify';

import { cutAtWordBoundary } from './cut-at-word-boundary';
import { DEFAULT_SLUG_MAX_LENGTH } from './slug-max-length';
import { transliterateBg } from './transliterate-bg';

export interface SlugifyTitleOptions {
  /** Longest slug to return, in characters (default 120). */
  maxLength?: number;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** An apostrophe inside a word elides, it does not separate: Don't → dont, Макдоналд’с → makdonalds. */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu;
/**
 * Every character that is not a letter, digit or combining mark becomes a space, i.e. a word
 * separator (2:1 → 2-1, 3,0% → 3-0), before `slugify` sees it: its table spells symbols out as
 * English or locale words ("%" → "percent"/"prozent", "&" → "and", "$" → "dollar"), which
 * would put words into a slug that the title never had. Quotes („“«») go the same way.
 */
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
/** Kept through `slugify` so letters its table does not know reach the diacritics step. */
const SLUGIFY_KEEP = /[^\p{L}\p{N}\p{M}\s]/gu;
const COMBINING_MARKS = /\p{M}/gu;
const NON_SLUG = /[^a-z0-9]+/g;

/**
 * Fallback for titles with nothing to slug (only symbols, whitespace, or a script with no
 * Latin mapping such as Chinese): "n-" plus a 32-bit FNV-1a hash of the title in base36,
 * e.g. "n-0k3j9x2". Deterministic, so the same title always proposes the same slug and tests
 * can pin it; a clash with another title is resolved later by `nextFreeSlug`. The "n-" prefix
 * keeps it recognisable as generated and stops it from being read as a number.
 */
function fallbackSlug(title: string): string {
  let hash = 0x811c9dc5;
  const input = title.normalize('NFC');
  for (let i = 0; i < input.length; i += 1) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `n-${(hash >>> 0).toString(36).padStart(7, '0')}`;
}

/** "de-DE" → "de": `slugify` keys its locale tables by language only. */
function languageOf(locale: string): string {
  return locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Builds the URL slug for a title: lower-case ASCII words joined by single hyphens, at most
 * `maxLength` characters, cut at a word boundary, never empty.
 *
 * Cyrillic is transliterated with the official Bulgarian system whatever the locale: this is
 * a Bulgarian newsroom, and Bulgarian names appear in English titles too, where they should
 * get the same romanisation as in the Bulgarian article (Путин → putin in both). Cyrillic
 * letters outside the Bulgarian alphabet (ы, э, є, і) fall through to `slugify`'s table.
 *
 * Latin text goes through `slugify` with the title's language, so locale conventions apply
 * where `slugify` has them: German ä/ö/ü → ae/oe/ue and ß → ss (Größe → groesse), Danish,
 * Norwegian and Swedish å → aa. Other diacritics are reduced to the base letter
 * (Élysée → elysee, ł → l).
 */
export function slugifyTitle(title: string, locale: string, options: SlugifyTitleOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_SLUG_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  const language = languageOf(locale);

  let text = title.normalize('NFC');
  if (language === 'bg' || CYRILLIC.test(text)) text = transliterateBg(text);
  text = text.replace(INNER_APOSTROPHE, '').replace(NON_WORD, ' ');

  // slugify does the locale letter tables (ä → ae for de, ł → l, ß → ss, Greek); symbols are
  // already spaces, so its symbol-to-word entries never fire.
  text = slugify(text, { locale: language, replacement: ' ', remove: SLUGIFY_KEEP, trim: true });

  // Lower-case before decomposing (İ lower-cases to i + U+0307); NFKD also folds
  // compatibility forms (ﬁ → fi, ² → 2, full-width Ａ → A) that slugify leaves alone.
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(NON_SLUG, '-')
    .replace(/^-+|-+$/g, '');

  if (slug !== '') return cutAtWordBoundary(slug, maxLength);
  // Cut the hash hard: at a hyphen every short fallback would collapse to the same "n".
  return fallbackSlug(title).slice(0, maxLength).replace(/-+$/, '');
}
