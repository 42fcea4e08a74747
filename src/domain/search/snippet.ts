import { segmentWords } from '../text';
import { tokenTerms, type QueryWord } from './search-terms';

export const SNIPPET_LENGTH = 220;
/** Hits are marked with <mark>…</mark> around HTML-escaped text; nothing else in a snippet is markup. */
export const MARK_OPEN = '<mark>';
export const MARK_CLOSE = '</mark>';
const ELLIPSIS = '…';
/** Characters shown before the first hit of the chosen window. */
const LEAD = 60;

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The five characters that can open markup or end an attribute (OWASP XSS prevention, rule 1):
 * escaped, text is inert in HTML element content and quoted attributes. Five replacements are
 * the whole job, so no library.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => HTML_ESCAPES[ch] ?? ch);
}

interface Segment {
  text: string;
  start: number;
  word: number | null;
}

/**
 * Text is looked at in growing prefixes until one holds a hit, up to the last size (bounded
 * work per card): the words searched for are mostly in the lede and first paragraphs, and
 * segmenting a whole story for every card dominated the cost of a search.
 */
const SCANNED = [1_500, 6_000];

/** Splits text into segments, each word-like one tagged with the query word it matches (index), if any. */
function segmentsOf(text: string, words: readonly QueryWord[], locale: string): Segment[] {
  const wanted = words.map((word) => new Set(word.alternatives));
  return segmentWords(text, locale).map((segment) => {
    if (segment.token === null) return { text: segment.text, start: segment.start, word: null };
    const terms = tokenTerms(segment.token, locale);
    const hit = wanted.findIndex((alternatives) => terms.some((term) => alternatives.has(term)));
    return { text: segment.text, start: segment.start, word: hit >= 0 ? hit : null };
  });
}

/**
 * A passage of `text` around the query's hits, HTML-escaped, with each hit wrapped in
 * <mark>…</mark>. The window is the one holding the most different query words; without a
 * hit (a story found through its title only) it is the text's beginning.
 */
export function highlightSnippet(text: string, words: readonly QueryWord[], locale: string, length = SNIPPET_LENGTH): string {
  const whole = text.replace(/\s+/gu, ' ').trim();
  let clean = whole;
  let segments: Segment[] = [];
  for (const size of SCANNED) {
    clean = whole.slice(0, size);
    segments = segmentsOf(clean, words, locale);
    // The prefix may end inside a word: that last piece is not shown.
    if (clean.length < whole.length) segments.pop();
    if (clean.length === whole.length || segments.some((segment) => segment.word !== null)) break;
  }
  const hits = segments.filter((segment) => segment.word !== null);
  let from = 0;
  let best = -1;
  for (const hit of hits) {
    const start = Math.max(0, hit.start - LEAD);
    const distinct = new Set(hits.filter((other) => other.start >= start && other.start < start + length).map((other) => other.word)).size;
    if (distinct > best) {
      best = distinct;
      from = start;
    }
  }
  const to = from + length;
  const shown = segments.filter((segment) => segment.start >= from && segment.start + segment.text.length <= to);
  // Start and end on whole words: drop a leading separator, cut nothing mid-word.
  while (shown.length > 0 && (shown[0] as Segment).text.trim() === '') shown.shift();
  const body = shown
    .map((segment) => (segment.word !== null ? `${MARK_OPEN}${escapeHtml(segment.text)}${MARK_CLOSE}` : escapeHtml(segment.text)))
    .join('')
    .trim();
  const startsInside = from > 0;
  const endsInside = (shown[shown.length - 1]?.start ?? 0) + (shown[shown.length - 1]?.text.length ?? 0) < whole.length;
  return `${startsInside ? ELLIPSIS : ''}${body}${endsInside ? ELLIPSIS : ''}`;
}
