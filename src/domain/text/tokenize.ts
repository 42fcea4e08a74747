/**
 * Splits text into lower-cased word tokens.
 *
 * - Word boundaries come from `Intl.Segmenter` (ICU, UAX #29), not from a regex: it knows
 *   Cyrillic and Latin alike, keeps "3,0" together as one number and splits "по-близко" and
 *   „Брекзит“ cleanly at the hyphen and the Bulgarian „…“ quotes.
 * - Lower-casing uses the locale (`toLocaleLowerCase('bg')`), never SQLite's ASCII-only rules.
 * - Accents that are not part of a letter are dropped: the grave of „ѝ“ (the pronoun is the
 *   letter „и“, Transliteration Act art. 4) and stress marks typed in dictionaries. Marks that
 *   make a letter of their own (the breve of „й“, the diaeresis of „ё“/„ї“) are kept, or
 *   „край“ would turn into „краи“.
 * - Inside a token only letters and digits survive: "don't" becomes "dont" and "3,0"
 *   becomes "30", so the same word always yields the same token whatever typography was used.
 */

/** Combining marks that form a distinct Cyrillic letter with the base before them. */
const LETTER_FORMING_MARKS: Readonly<Record<string, string>> = {
  '\u0306': 'иИуУ', // й Й ў Ў
  '\u0308': 'еЕіІ', // ё Ё ї Ї
};

const COMBINING_MARK = /\p{M}/u;
const PLAIN_WORD = /^[a-zA-Z0-9а-яА-ЯёЁ]*$/u;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
// An English possessive ("Trump’s") is the same word as "Trump"; no Bulgarian word carries
// an apostrophe, so stripping it is safe for every locale this project serves.
const POSSESSIVE = /['’]s$/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      // A malformed locale tag throws a RangeError; word boundaries do not depend on it.
      segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    }
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * Only Lithuanian, Turkish and Azeri lower-case differently from the default Unicode mapping
 * (the language-sensitive rules of Unicode's SpecialCasing.txt): for every other locale, `bg`
 * included, toLowerCase() gives what toLocaleLowerCase(locale) gives, without a call into ICU
 * per word (which made tokenizing long texts several times slower).
 */
const LOCALE_SPECIFIC_CASING = /^(lt|tr|az)(?:[-_]|$)/iu;

function lowerCase(text: string, locale: string): string {
  if (!LOCALE_SPECIFIC_CASING.test(locale)) return text.toLowerCase();
  try {
    return text.toLocaleLowerCase(locale);
  } catch {
    return text.toLowerCase();
  }
}

/** Removes combining marks except the ones that make a letter of their own (й, ё, ї, ў). */
export function stripAccents(word: string): string {
  // Almost every word is plain a-z / а-я (й and ё are letters of their own): nothing to strip.
  if (PLAIN_WORD.test(word)) return word;
  const decomposed = word.normalize('NFD');
  let out = '';
  for (const ch of decomposed) {
    if (!COMBINING_MARK.test(ch)) {
      out += ch;
      continue;
    }
    const bases = LETTER_FORMING_MARKS[ch];
    const previous = out.slice(-1);
    if (bases !== undefined && previous !== '' && bases.includes(previous)) out += ch;
  }
  return out.normalize('NFC');
}

/** The token of a word as written: lower case, accents and a possessive dropped, letters and digits only ('' when none). */
function wordToken(word: string, locale: string): string {
  const lower = lowerCase(word, locale);
  // Most words are plain a-z / а-я: no accent, apostrophe or other character to drop.
  if (PLAIN_WORD.test(lower)) return lower;
  return stripAccents(lower).replace(POSSESSIVE, '').replace(NOT_LETTER_OR_DIGIT, '');
}

/** Every segment of the text in order; word-like ones carry their token (search snippets mark them in place). */
export function segmentWords(text: string, locale: string): Array<{ text: string; start: number; token: string | null }> {
  if (typeof text !== 'string' || text.length === 0) return [];
  const segments: Array<{ text: string; start: number; token: string | null }> = [];
  for (const { segment, index, isWordLike } of segmenterFor(locale).segment(text)) {
    const token = isWordLike ? wordToken(segment, locale) : '';
    segments.push({ text: segment, start: index, token: token.length > 0 ? token : null });
  }
  return segments;
}

/**
 * Word boundaries of UAX #29 as far as news text needs them, by a regular expression: letters
 * and digits (with marks and `_`), joined across an apostrophe, period, colon, comma or
 * semicolon between two of them ("don't", "т.е", "3,0"). It departs from `segmentWords` only
 * in rare spellings (a digit and a letter around a period or comma), and is many times faster
 * than ICU's iteration: snippets use it to find where in a long text the hits are, then
 * segment just that passage with `segmentWords`.
 */
const WORD_SPAN = /[\p{L}\p{N}\p{M}_]+(?:['’.:,;][\p{L}\p{N}\p{M}_]+)*/gu;

/** The words of the text with their start and end offsets and tokens (`wordToken`), found by `WORD_SPAN`. */
export function wordSpans(text: string, locale: string): Array<{ start: number; end: number; token: string }> {
  const spans: Array<{ start: number; end: number; token: string }> = [];
  for (const match of text.matchAll(WORD_SPAN)) {
    const token = wordToken(match[0], locale);
    if (token.length > 0) spans.push({ start: match.index, end: match.index + match[0].length, token });
  }
  return spans;
}

export function tokenize(text: string, locale: string): string[] {
  return segmentWords(text, locale).flatMap((segment) => (segment.token === null ? [] : [segment.token]));
}
