import { queryWords, type QueryWord } from './search-terms';

export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 200;
/** Words past this many are ignored: a longer query is a pasted paragraph, not a search. */
export const MAX_QUERY_WORDS = 12;

export type ParsedSearchQuery =
  | { kind: 'words'; words: QueryWord[] }
  /** Nothing left to look for (only stop words, punctuation or numbers): an empty answer, not an error. */
  | { kind: 'nothing'; words: [] }
  | { kind: 'invalid'; message: string };

/**
 * Checks and analyses a reader's query. User text is never query syntax: quotes, `*`, `:`,
 * parentheses, NEAR, AND/OR/NOT are punctuation or ordinary words here (the tokenizer keeps only
 * letters and digits), and the engines get expressions built from the analysed terms
 * (match-expression.ts).
 */
export function parseSearchQuery(raw: unknown, locale: string): ParsedSearchQuery {
  if (raw === undefined || raw === null || raw === '') return { kind: 'invalid', message: 'q is required: the words to search for.' };
  if (typeof raw !== 'string') return { kind: 'invalid', message: 'q must be a single string.' };
  const text = raw.trim();
  if (text.length < MIN_QUERY_LENGTH) return { kind: 'invalid', message: `q must be at least ${MIN_QUERY_LENGTH} characters long.` };
  if (text.length > MAX_QUERY_LENGTH) return { kind: 'invalid', message: `q must be at most ${MAX_QUERY_LENGTH} characters long.` };
  const words = queryWords(text, locale).slice(0, MAX_QUERY_WORDS);
  return words.length === 0 ? { kind: 'nothing', words: [] } : { kind: 'words', words };
}
