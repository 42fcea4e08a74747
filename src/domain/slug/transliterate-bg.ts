/**
 * Official Bulgarian romanisation: the "Streamlined System" of the Transliteration Act
 * (Закон за транслитерацията, State Gazette No. 19 of 13.03.2009, as amended), also adopted
 * by the UN and BGN/PCGN.
 *
 * Why hand-written: no npm library implements the Act's context rules. Russian-based tables
 * (х→kh, ц→c, щ→shch, й→j, ъ dropped) are wrong for Bulgarian outright; `slugify`'s `bg` locale
 * has the right letter table but neither Art. 5(2) (word-final „ия“ → "ia") nor Art. 6
 * (България → Bulgaria), and its base table maps „ѝ“ to "u". The rules fit in one page, so
 * owning them is cheaper than patching a dependency.
 */

/** Art. 4: the letter table, lower case. Capitals are derived (see `applyCase`). */
const LETTERS: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
};

/**
 * Accented vowels that Bulgarian spelling uses for disambiguation (ѝ "her" vs и "and",
 * ѐ in "всѐ"), not as separate letters: they romanise as the bare vowel. `slugify` maps ѝ to
 * "u", which is why this has to happen before any library sees the text.
 */
const ACCENTED: Readonly<Record<string, string>> = { ѝ: 'и', Ѝ: 'И', ѐ: 'е', Ѐ: 'Е' };

/** Art. 6: the name of the state has a fixed form; derived words (българска) follow Art. 4. */
const STATE_NAME = 'българия';
const STATE_NAME_LATIN = 'bulgaria';

const CYRILLIC_WITH_MARKS = /[\u0400-\u04FF][\u0300-\u036F]+/g;
/** Grave and acute after a Cyrillic letter are stress or disambiguation marks, not letters. */
const STRESS_MARKS = /[\u0300\u0301]/g;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;

/**
 * Composes Cyrillic letter + combining mark sequences (и + U+0300 → ѝ, и + U+0306 → й) and
 * drops stress marks, touching nothing outside Cyrillic, so Latin text passes through as is.
 */
function normalizeCyrillicMarks(text: string): string {
  return text.replace(CYRILLIC_WITH_MARKS, (sequence) => sequence.normalize('NFC').replace(STRESS_MARKS, ''));
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_MARK.test(ch);
}

/**
 * An upper-case letter that maps to several Latin letters is written in full capitals inside
 * an all-caps word (ЖЕЗЪЛ → ZHEZAL) and with only the first letter upper otherwise (Жаба →
 * Zhaba), as the Act's examples show. The neighbouring letter decides: the next one in the
 * word, or the previous one for a word-final letter.
 */
function applyCase(latin: string, chars: readonly string[], index: number): string {
  const ch = chars[index];
  if (!UPPER.test(ch)) return latin;
  if (latin.length < 2) return latin.toUpperCase();
  const next = chars[index + 1];
  const prev = chars[index - 1];
  const neighbour = isWordChar(next) ? next : isWordChar(prev) ? prev : undefined;
  const allCaps = neighbour !== undefined && UPPER.test(neighbour);
  return allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** Art. 6: „България“ as a whole word (any case) → Bulgaria, keeping the word's case style. */
function stateNameAt(chars: readonly string[], index: number): string | null {
  if (isWordChar(chars[index - 1])) return null;
  const end = index + STATE_NAME.length;
  if (isWordChar(chars[end])) return null;
  const word = chars.slice(index, end).join('');
  if (word.toLocaleLowerCase('bg') !== STATE_NAME) return null;
  if (word === word.toLocaleUpperCase('bg')) return STATE_NAME_LATIN.toUpperCase();
  if (UPPER.test(word.charAt(0))) return 'B' + STATE_NAME_LATIN.slice(1);
  return STATE_NAME_LATIN;
}

/**
 * Transliterates Bulgarian Cyrillic to Latin per the Transliteration Act 2009 (Art. 4 table,
 * Art. 5(2) word-final „ия“, Art. 6 state name), preserving case. Characters outside the
 * Bulgarian alphabet (Latin, digits, punctuation, other Cyrillic letters such as ы or є) pass
 * through unchanged.
 */
export function transliterateBg(text: string): string {
  const chars = Array.from(normalizeCyrillicMarks(text), (ch) => ACCENTED[ch] ?? ch);
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i];
    const lower = ch.toLocaleLowerCase('bg');

    if (lower === 'б') {
      const state = stateNameAt(chars, i);
      if (state !== null) {
        out += state;
        i += STATE_NAME.length - 1;
        continue;
      }
    }

    const latin = LETTERS[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }

    // Art. 5(2): „ия“ at the end of a word is "ia", so я after и loses its "y". The end of a
    // word is anything that is not a letter: end of text, space, punctuation, a hyphen
    // (София-юг → Sofia-yug). Inside a word the table applies (Марияна → Mariyana). The Act is
    // purely graphemic: article forms such as „последния“ also become "poslednia".
    const previous = chars[i - 1];
    const endsWordAfterI = lower === 'я' && previous !== undefined && previous.toLocaleLowerCase('bg') === 'и' && !isWordChar(chars[i + 1]);
    out += applyCase(endsWordAfterI ? 'a' : latin, chars, i);
  }
  return out;
}
