import { segmentWords, wordSpans } from '../text';
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
 * work per card): the words searched for are mostly in the lede and first paragraphs.
 */
const SCANNED = [1_500, 6_000];
/**
 * How much of a text a snippet can look at (the last prefix above): a reader may pass a
 * prefix of the text (SNIPPET_TEXT_CHARS, twice that, so collapsed whitespace cannot shorten it
 * below) instead of the whole, and gets the same snippet.
 */
export const SNIPPET_TEXT_CHARS = 2 * (SCANNED[SCANNED.length - 1] as number);

/** The index of the query word one of whose alternatives is among a token's terms, or null; remembered per token for one text. */
function queryWordFinder(words: readonly QueryWord[], locale: string): (token: string) => number | null {
  const wanted = words.map((word) => new Set(word.alternatives));
  const known = new Map<string, number | null>();
  return (token) => {
    let hit = known.get(token);
    if (hit === undefined) {
      const terms = tokenTerms(token, locale);
      const index = wanted.findIndex((alternatives) => terms.some((term) => alternatives.has(term)));
      hit = index >= 0 ? index : null;
      known.set(token, hit);
    }
    return hit;
  };
}

/**
 * A passage of `text` around the query's hits, HTML-escaped, with each hit wrapped in
 * <mark>…</mark>. The window is the one holding the most different query words; without a
 * hit (a story found through its title only) it is the text's beginning.
 *
 * Where the hits are is found with the fast word spans of `wordSpans`; only the chosen passage
 * is segmented with ICU (`segmentWords`), which marks the hits shown. Segmenting whole prefixes
 * of every card's text dominated the cost of a search answer.
 */
export function highlightSnippet(text: string, words: readonly QueryWord[], locale: string, length = SNIPPET_LENGTH): string {
  const whole = text.replace(/\s+/gu, ' ').trim();
  const queryWordOf = queryWordFinder(words, locale);
  let clean = whole;
  let hits: Array<{ start: number; word: number }> = [];
  for (const size of SCANNED) {
    clean = whole.slice(0, size);
    const truncated = clean.length < whole.length;
    hits = [];
    for (const span of wordSpans(clean, locale)) {
      // The prefix may end inside a word: that last piece is not looked at.
      if (truncated && span.end >= clean.length) continue;
      const word = queryWordOf(span.token);
      if (word !== null) hits.push({ start: span.start, word });
    }
    if (!truncated || hits.length > 0) break;
  }
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
  // The passage, from a word start after a space to the first space past the window (or the
  // prefix's end): segmented on its own it splits as inside the whole text.
  const passageStart = from === 0 ? 0 : whole.lastIndexOf(' ', from) + 1;
  const spaceAfter = whole.indexOf(' ', to);
  const passageEnd = spaceAfter < 0 || spaceAfter > clean.length ? clean.length : spaceAfter;
  const segments: Segment[] = segmentWords(whole.slice(passageStart, passageEnd), locale).map((segment) => ({
    text: segment.text,
    start: passageStart + segment.start,
    word: segment.token === null ? null : queryWordOf(segment.token),
  }));
  if (passageEnd === clean.length && clean.length < whole.length) segments.pop();
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
