import { STOPWORDS_BG, stemBg } from '../text';
import { transliterateBg } from '../slug';

/**
 * Latin-typed Bulgarian → the Cyrillic it stands for, and the matching key of each reading.
 *
 * Why our own code: transliteration libraries go one way (Cyrillic → Latin, as slugs do, see
 * src/domain/slug/transliterate-bg.ts). The way back is ambiguous and no library does it for
 * Bulgarian: the official system writes „ъ“ and „а“ both as "a", „й“ and „ь“ both as "y", and
 * readers also type the informal "shlyokavitsa" (6 = ш, 4 = ч, q = я, w = в, x = х, c = ц,
 * j = ж, iu = ю, u or y for „ъ“). So a Latin word is read into every plausible Cyrillic
 * spelling (a small, capped set), each spelling is stemmed like the index's words, and the
 * stem is written back in the official system: that is the key. Index words get the same key
 * from their real Cyrillic stem (`cyrillicKey`), so the wrong readings cost nothing: their keys
 * are either the same as the right one (the official system folds ъ/а, й/ь, ш+т/щ) or match
 * nothing. The keys never reach readers.
 */

/** Longest match first; the first reading of each unit is the likeliest, the rest are alternatives. */
const UNITS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['shch', ['щ']],
  ['sht', ['щ', 'шт']],
  ['sch', ['щ']],
  ['6t', ['щ']],
  ['dzh', ['дж']],
  ['sh', ['ш', 'сх']],
  ['ch', ['ч']],
  ['zh', ['ж']],
  ['kh', ['х']],
  ['ts', ['ц', 'тс']],
  ['tz', ['ц']],
  ['yu', ['ю']],
  ['iu', ['ю', 'иу']],
  ['ju', ['ю']],
  // Art. 5(2) of the Transliteration Act writes a word-final „ия“ "ia"; informally "ia" is also „я“.
  ['ia', ['ия', 'я']],
  ['ya', ['я', 'йа']],
  ['ja', ['я', 'жа']],
  ['yo', ['йо', 'ьо']],
  ['6', ['ш']],
  ['4', ['ч']],
  ['q', ['я']],
  ['w', ['в']],
  ['x', ['х', 'кс', 'кз']],
  ['c', ['ц', 'к']],
  ['j', ['ж', 'й']],
  ['h', ['х']],
  ['y', ['й', 'ъ', 'и']],
  ['a', ['а', 'ъ']],
  ['u', ['у', 'ъ']],
  ['`', ['ъ']],
  ['b', ['б']],
  ['v', ['в']],
  ['g', ['г']],
  ['d', ['д']],
  ['e', ['е']],
  ['z', ['з']],
  ['i', ['и', 'й']],
  ['k', ['к']],
  ['l', ['л']],
  ['m', ['м']],
  ['n', ['н']],
  ['o', ['о']],
  ['p', ['п']],
  ['r', ['р']],
  ['s', ['с']],
  ['t', ['т']],
  ['f', ['ф']],
];

/** Readings of one word are capped: every unit with alternatives doubles them. */
export const MAX_READINGS = 32;

const LATIN_WORD = /^[a-z0-9`]+$/u;

/** Whether a token (lower case, as `tokenize` returns it) is Latin letters, possibly with the informal digits. */
export function isLatinToken(token: string): boolean {
  return LATIN_WORD.test(token) && /[a-z]/u.test(token);
}

function unitsOf(word: string): Array<readonly string[]> {
  const units: Array<readonly string[]> = [];
  let i = 0;
  while (i < word.length) {
    const found = UNITS.find(([latin]) => word.startsWith(latin, i));
    if (found) {
      units.push(found[1]);
      i += found[0].length;
    } else {
      units.push([word[i] as string]);
      i += 1;
    }
  }
  return units;
}

/**
 * The Cyrillic spellings a Latin-typed word may stand for, the likeliest first, at most
 * MAX_READINGS. Alternatives are tried from the end of the word, where the stemmer looks.
 */
export function cyrillicReadings(word: string): string[] {
  let readings = [''];
  // Built from the end of the word and capped at each step, so the alternatives kept are those
  // of the last letters; the likeliest reading (every unit's first choice) always comes first.
  for (const options of unitsOf(word).reverse()) {
    const next: string[] = [];
    for (const suffix of readings) for (const option of options) next.push(option + suffix);
    readings = next.slice(0, MAX_READINGS);
  }
  return readings;
}

/** The matching key of a Cyrillic stem: its official transliteration. */
export function cyrillicKey(stem: string): string {
  return transliterateBg(stem).toLowerCase();
}

/**
 * The keys a Latin-typed word matches: the official transliteration of the stem of each of its
 * Cyrillic readings (deduplicated, the likeliest first). Empty when the likeliest reading is a
 * Bulgarian stop word („na“, „za“, „ot“) or too short to carry a topic.
 */
export function latinKeys(word: string): string[] {
  if (!isLatinToken(word)) return [];
  const readings = cyrillicReadings(word);
  const first = readings[0] ?? '';
  if (first.length < 2 || STOPWORDS_BG.has(first)) return [];
  const keys = new Set<string>();
  for (const reading of readings) {
    const key = cyrillicKey(stemBg(reading));
    if (key.length >= 2) keys.add(key);
  }
  return [...keys];
}
