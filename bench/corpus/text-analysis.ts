/**
 * The related-article analysis of a generated article (term frequencies and near-duplicate
 * fingerprint), computed from cached per-paragraph work so 100,000 articles take seconds.
 *
 * Generated bodies are recombined from a bounded pool of paragraphs, and the app's analysis
 * composes over paragraphs: words never join across a blank line (Intl.Segmenter), so the
 * term counts of a body are the sums of its paragraphs' counts, and its MinHash minima are
 * the minima over its paragraphs' minima plus the few shingles that span a paragraph break.
 * `verifyAgainstApp` checks a sample against the app's own buildTermVector/fingerprintText
 * and the generator refuses to continue when they differ (e.g. after the app's analysis
 * changed): the stored index must be exactly what the app would have written.
 */
import { buildTermVector, fingerprintText, NUM_HASHES, SHINGLE_SIZE } from '../../src/domain/related';
import { DEFAULT_FIELD_BOOSTS } from '../../src/domain/related/term-vector';
import { fmix32, fnv1a, MINHASH_SEEDS } from '../../src/domain/related/fingerprint';
import { analyze, tokenize } from '../../src/domain/text';

/** Field boosts the app uses (buildTermVector's defaults: the indexer passes none). */
const BOOSTS = DEFAULT_FIELD_BOOSTS;
const PREFIX = 'mh1:';

// ---- MinHash with the app's own hash functions and seeds (checked by verifyAgainstApp) ----

const SEEDS = Uint32Array.from(MINHASH_SEEDS);

function mixInto(minima: Uint32Array, shingleHash: number): void {
  for (let i = 0; i < NUM_HASHES; i += 1) {
    const value = fmix32(shingleHash ^ (SEEDS[i] as number));
    if (value < (minima[i] as number)) minima[i] = value;
  }
}

function encode(minima: Uint32Array): string {
  const bytes = Buffer.alloc(NUM_HASHES * 2);
  for (let i = 0; i < NUM_HASHES; i += 1) bytes.writeUInt16LE((minima[i] as number) & 0xffff, i * 2);
  return PREFIX + bytes.toString('base64');
}

// ---- cached pieces ----------------------------------------------------------------------

interface PieceAnalysis {
  tokens: string[];
  terms: Map<string, number>;
  /** MinHash minima over the shingles lying wholly inside this piece. */
  minima: Uint32Array;
}

function countTerms(text: string, locale: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of analyze(text, locale)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function analysePiece(text: string, locale: string): PieceAnalysis {
  const tokens = tokenize(text, locale);
  const minima = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE_SIZE <= tokens.length; i += 1) mixInto(minima, fnv1a(tokens.slice(i, i + SHINGLE_SIZE).join(' ')));
  return { tokens, terms: countTerms(text, locale), minima };
}

export interface ArticleText {
  locale: string;
  title: string;
  lede: string;
  /** Trimmed paragraphs: the body as blocksToText would give it back, joined by blank lines. */
  paragraphs: readonly string[];
}

export interface ArticleAnalysis {
  /** Raw boosted term frequencies, as buildTermVector returns them (same key order). */
  tf: Record<string, number>;
  fingerprint: string;
}

function byWeightThenTerm(a: [string, number], b: [string, number]): number {
  if (b[1] !== a[1]) return b[1] - a[1];
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function toRecord(tf: Map<string, number>): Record<string, number> {
  const record: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [term, weight] of [...tf.entries()].sort(byWeightThenTerm)) record[term] = weight;
  return record;
}

/** MinHash of title + body: cached minima of each piece, plus the shingles that span pieces. */
function fingerprintOf(pieces: readonly PieceAnalysis[]): string {
  const tokens = pieces.flatMap((piece) => piece.tokens);
  if (tokens.length === 0) return PREFIX;
  const minima = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  if (tokens.length < SHINGLE_SIZE) {
    mixInto(minima, fnv1a(tokens.join(' ')));
    return encode(minima);
  }
  let offset = 0;
  for (const piece of pieces) {
    for (let i = 0; i < NUM_HASHES; i += 1) if ((piece.minima[i] as number) < (minima[i] as number)) minima[i] = piece.minima[i] as number;
    // Shingles that start in this piece but end in a later one.
    const end = offset + piece.tokens.length;
    for (let start = Math.max(offset, end - SHINGLE_SIZE + 1); start < end && start + SHINGLE_SIZE <= tokens.length; start += 1) {
      mixInto(minima, fnv1a(tokens.slice(start, start + SHINGLE_SIZE).join(' ')));
    }
    offset = end;
  }
  return encode(minima);
}

export function createArticleAnalyser() {
  const cache = new Map<string, PieceAnalysis>();
  const cached = (text: string, locale: string): PieceAnalysis => {
    const key = `${locale}\u0000${text}`;
    let piece = cache.get(key);
    if (!piece) {
      piece = analysePiece(text, locale);
      cache.set(key, piece);
    }
    return piece;
  };

  return function analyseArticle(article: ArticleText): ArticleAnalysis {
    const tf = new Map<string, number>();
    const add = (counts: Map<string, number>, boost: number) => {
      for (const [term, count] of counts) tf.set(term, (tf.get(term) ?? 0) + count * boost);
    };
    const title = analysePiece(article.title, article.locale);
    add(title.terms, BOOSTS.title);
    if (article.lede.trim()) add(cached(article.lede, article.locale).terms, BOOSTS.lede);
    const body = article.paragraphs.map((paragraph) => cached(paragraph, article.locale));
    for (const piece of body) add(piece.terms, BOOSTS.body);
    return { tf: toRecord(tf), fingerprint: fingerprintOf([title, ...body]) };
  };
}

/** Throws when the cached analysis of `article` differs from the app's own functions. */
export function verifyAgainstApp(article: ArticleText, ours: ArticleAnalysis): void {
  const body = article.paragraphs.join('\n\n');
  const appTf = buildTermVector({ title: article.title, lede: article.lede, body }, article.locale);
  const appFingerprint = fingerprintText(`${article.title}\n\n${body}`, article.locale);
  const same = JSON.stringify(Object.entries(appTf)) === JSON.stringify(Object.entries(ours.tf)) && appFingerprint === ours.fingerprint;
  if (!same) {
    throw new Error(
      `bench corpus analysis no longer matches src/domain/related for "${article.title}" (${article.locale}): ` +
        'update bench/corpus/text-analysis.ts to follow the app',
    );
  }
}
