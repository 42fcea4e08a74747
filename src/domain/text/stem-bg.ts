/**
 * A light Bulgarian stemmer: strips inflectional suffixes so that the forms of one word
 * („министър“, „министъра“, „министърът“, „министри“, „министрите“) share one key.
 *
 * Why hand-written: Snowball, PostgreSQL text search, `natural` and `stemmer` have no
 * Bulgarian stemmer, and the one in `@orama/stemmers` throws on common words such as
 * „президента“ and „министър“. A light
 * suffix-stripping stemmer is small enough to own and test.
 *
 * It follows Savoy's light stemmer as ported to Lucene's BulgarianStemmer (J. Savoy,
 * "Searching strategies for the Bulgarian language", Information Retrieval 10, 2007):
 * definite article, plural ending, final vowel, then the fleeting „е“/„ъ“ („отговорен“ /
 * „отговорна“, „министър“ / „министри“). It departs from it where the original splits the
 * forms of one word that news text uses all the time:
 * - Lucene strips „-та“ after any letter, so „президента“ (президент + short article „-а“)
 *   loses its „т“ while „президент“ keeps it. Here „-та“ is an article only after a vowel
 *   („държавата“, „решенията“) or after „т“/„щ“ („властта“, „помощта“); masculine nouns in
 *   „-ат“/„-ят“ whose short article also ends in „-ата“ („кандидата“) are listed.
 * - „-ета“ is not taken for the neuter plural („момчета“) except after „ч“: far more often it
 *   is a masculine noun in „-ет“ with its article („бюджета“, „съвета“, „кабинета“).
 * - Final vowels (and „й“) are stripped repeatedly, so „комисия“, „комисии“, „комисията“ and
 *   „случай“, „случаи“, „случая“ meet.
 * - The к/ц and г/з alternations of plurals („политик“/„политици“, „диалог“/„диалози“) are
 *   folded by writing a final „к“ as „ц“ and a final „г“ as „з“ in every stem.
 * Stems are matching keys, not words („българсц“), and are never shown. Known gaps, left
 * alone because fixing them needs a dictionary: the я/е alternation („място“ / „места“) and
 * suppletive plurals („човек“ / „хора“). A stem never gets shorter than MIN_STEM_LENGTH
 * letters, and the function never throws.
 */

const MIN_STEM_LENGTH = 3;

const VOWELS = 'аъоуеиюя';
const FINAL_STRIPPABLE = 'аяоеий';

/**
 * Masculine nouns ending in „-ат“/„-ят“ that are common in news: their short article makes
 * „-ата“/„-ята“, which would otherwise be read as a feminine definite ending.
 */
const MASCULINE_IN_T = new Set([
  'адвокат',
  'апарат',
  'бюрократ',
  'дебат',
  'демократ',
  'депутат',
  'дипломат',
  'кандидат',
  'мандат',
  'магнат',
  'резултат',
  'сенат',
  'формат',
  'цитат',
]);

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

function removeArticle(word: string): string {
  const n = word.length;
  const before = (k: number): string | undefined => word[n - k - 1];
  if (word.endsWith('ият') && n - 3 >= MIN_STEM_LENGTH) return word.slice(0, -3);
  if ((word.endsWith('ът') || word.endsWith('ят')) && n - 2 >= MIN_STEM_LENGTH) {
    return word.slice(0, -2);
  }
  if (word.endsWith('та') && n - 2 >= 4) {
    if (MASCULINE_IN_T.has(word.slice(0, -1))) return word.slice(0, -1);
    const b = before(2);
    if (b === 'а' || b === 'я' || b === 'т' || b === 'щ') return word.slice(0, -2);
  }
  if (word.endsWith('то') && n - 2 >= 4) {
    const b = before(2);
    if (b === 'о' || b === 'е') return word.slice(0, -2);
  }
  if (word.endsWith('те') && n - 2 >= MIN_STEM_LENGTH) {
    const b = before(2);
    if (b === 'и' || b === 'е') return word.slice(0, -2);
  }
  return word;
}

function removePlural(word: string): string {
  const n = word.length;
  if ((word.endsWith('ища') || word.endsWith('ище')) && n - 3 >= MIN_STEM_LENGTH) {
    return word.slice(0, -3);
  }
  if (word.endsWith('ове') && n - 3 >= MIN_STEM_LENGTH) return word.slice(0, -3);
  // „бой“ → „боеве“, „край“ → „краеве“: the „й“ of the singular turns into „е“.
  if (word.endsWith('еве') && n - 3 >= 2) return `${word.slice(0, -3)}й`;
  if (word.endsWith('чета') && n - 3 >= MIN_STEM_LENGTH) return word.slice(0, -3);
  return word;
}

function removeFinalVowels(word: string): string {
  let end = word.length;
  while (end > MIN_STEM_LENGTH && FINAL_STRIPPABLE.includes(word[end - 1] ?? '')) end -= 1;
  return word.slice(0, end);
}

function foldFleetingVowel(word: string): string {
  const n = word.length;
  // Adjectives and nouns in „-ен“ lose the „е“ in other forms: „отговорен“ / „отговорна“.
  if (n > 4 && word.endsWith('ен')) return `${word.slice(0, -2)}н`;
  // Likewise „ъ“ before the last consonant: „министър“ / „министри“, „малък“ / „малка“.
  if (n >= 5 && word[n - 2] === 'ъ' && !isVowel(word[n - 1])) {
    return `${word.slice(0, -2)}${word.slice(-1)}`;
  }
  return word;
}

function foldAlternation(word: string): string {
  if (word.endsWith('к')) return `${word.slice(0, -1)}ц`;
  if (word.endsWith('г')) return `${word.slice(0, -1)}з`;
  return word;
}

/** Stems one lower-case Bulgarian word; words shorter than four letters are returned as-is. */
export function stemBg(word: string): string {
  if (typeof word !== 'string' || word.length < 4) return typeof word === 'string' ? word : '';
  let stem = removeArticle(word);
  stem = removePlural(stem);
  stem = removeFinalVowels(stem);
  stem = foldFleetingVowel(stem);
  return foldAlternation(stem);
}
