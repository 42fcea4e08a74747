/**
 * A common Latin "skeleton" for matching words however a Bulgarian reader types them:
 * in Cyrillic (казино), in official transliteration (kazino), or in the informal Latin
 * spelling common online ("шльокавица": 4 for ч, 6 for ш, w for в, q for я, j for ж), with
 * stretched letters (kaaazino), diacritics or full-width letters. Two texts with the same
 * skeleton are "the same word" for moderation; the skeleton is never shown or stored.
 */
import { transliterateBg } from '../slug/transliterate-bg';

/** Cyrillic letters from neighbouring alphabets that spammers mix in and the Act does not cover. */
const OTHER_CYRILLIC: Readonly<Record<string, string>> = {
  ё: 'yo',
  ы: 'y',
  э: 'e',
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ў: 'u',
  ј: 'j',
};

/**
 * Informal Latin spellings mapped onto the official ones, applied in order. `j` is taken as
 * ж (jivot, jena), its usual meaning in Bulgarian Latin script; й is typed as i or y, and
 * y is folded into i below, so "moi", "moy" and мой meet. "ts" → "c" lets "cigari" meet
 * цигари (official "tsigari").
 */
const INFORMAL_SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  // Digits stand for letters only next to a letter and not inside a number ("2024г" stays a year).
  [/(?<=[a-z])4(?![0-9])|(?<![0-9])4(?=[a-z])/g, 'ch'],
  [/(?<=[a-z])6(?![0-9])|(?<![0-9])6(?=[a-z])/g, 'sh'],
  [/w/g, 'v'],
  [/q/g, 'ya'],
  [/x/g, 'h'],
  [/j/g, 'zh'],
  [/ts/g, 'c'],
  [/y/g, 'i'],
];

const COMBINING_MARKS = /\p{M}/gu;
const NOT_LATIN_LETTER = /[^a-z]+/g;
/** kaaazino, kazzino, and "iya" (official mid-word ия, after y → i) vs "ia" all meet. */
const REPEATED_LETTER = /([a-z])\1+/g;

/** Lower-case Latin words separated by single spaces; punctuation and digits separate words. */
export function latinSkeleton(text: string): string {
  let out = text.normalize('NFC').toLocaleLowerCase('bg');
  out = Array.from(out, (ch) => OTHER_CYRILLIC[ch] ?? ch).join('');
  out = transliterateBg(out);
  // After transliteration, so й keeps its own letter instead of losing its breve to и.
  out = out.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  for (const [pattern, replacement] of INFORMAL_SPELLINGS) {
    out = out.replace(pattern, replacement);
  }
  return out.replace(NOT_LATIN_LETTER, ' ').replace(REPEATED_LETTER, '$1').trim();
}
