import { analyzeToken, languageOf, tokenize } from '../text';
import { cyrillicKey, isLatinToken, latinKeys } from './latin-reading';

/**
 * Index terms of search: the related index's analysis (src/domain/text: segmentation, locale
 * lower-casing, stop words, light stemmers) plus, for Bulgarian, each word's Latin key with
 * KEY_PREFIX, so a query typed in Latin letters meets the Cyrillic words it transliterates to.
 * The prefix keeps keys apart from exact terms: an English "putin" in a text is the exact term
 * `putin`, its key `_putin`; a Latin query asks for both, so an exact-script match scores twice
 * and ranks above a transliterated one. Tokens hold only letters and digits, so `_` never
 * occurs in an exact term.
 */
export const KEY_PREFIX = '_';

const CYRILLIC = /\p{Script=Cyrillic}/u;

function keysOn(locale: string): boolean {
  return languageOf(locale) === 'bg';
}

/** The key a word of an indexed text gets (its likeliest reading for a Latin word), or null. */
function documentKey(token: string, term: string): string | null {
  if (CYRILLIC.test(token)) return cyrillicKey(term);
  if (isLatinToken(token)) return latinKeys(token)[0] ?? null;
  return null;
}

/**
 * Analysis is a pure function of (token, locale) and news vocabulary is Zipfian, so the index
 * terms of tokens are remembered (bounded; emptied when full): indexing and snippets analyse
 * the same few thousand words over and over.
 */
const MEMO_LIMIT = 200_000;
const memo = new Map<string, readonly string[]>();

/** The index terms of one token (as `tokenize` returns it): its exact term, then (Bulgarian) its key. */
export function tokenTerms(token: string, locale: string): readonly string[] {
  const memoKey = `${locale}\u0000${token}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const term = analyzeToken(token, locale);
  const key = term !== null && keysOn(locale) ? documentKey(token, term) : null;
  const terms = term === null ? [] : key ? [term, KEY_PREFIX + key] : [term];
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(memoKey, terms);
  return terms;
}

/** One field's index terms in text order: each word's exact term, then its key. */
export function documentTerms(text: string, locale: string): string[] {
  return tokenize(text, locale).flatMap((token) => tokenTerms(token, locale));
}

/** One word of a query: what it matches, any of it (exact term and/or Latin keys with prefix). */
export interface QueryWord {
  /** The word as typed (lower case), for messages. */
  token: string;
  /** Terms of which any matches this word. */
  alternatives: string[];
  /** Whether the word was typed in Latin letters and is matched through its keys. */
  latin: boolean;
}

/** The words of a query that carry a topic, each with its alternatives (stop words drop out). */
export function queryWords(text: string, locale: string): QueryWord[] {
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const token of tokenize(text, locale)) {
    if (seen.has(token)) continue;
    seen.add(token);
    const term = analyzeToken(token, locale);
    const keys = keysOn(locale) && isLatinToken(token) ? latinKeys(token).map((key) => KEY_PREFIX + key) : [];
    const alternatives = [...new Set([...(term !== null ? [term] : []), ...keys])];
    if (alternatives.length > 0) words.push({ token, alternatives, latin: keys.length > 0 });
  }
  return words;
}
