import { analyze } from '../text/analyze';

/** The text fields of an article that describe its topic. */
export interface TermVectorFields {
  title: string;
  lede?: string | null;
  body?: string | null;
}

/** How much one occurrence of a term counts in each field. */
export interface FieldBoosts {
  title: number;
  lede: number;
  body: number;
}

export interface TermVectorOptions {
  /** Keep only the N terms with the highest boosted frequency (all terms when omitted). */
  topN?: number;
  fieldBoosts?: Partial<FieldBoosts>;
  /**
   * When the article has no lede, read the first paragraph of the body (up to the first
   * blank line) as the lede. Default true: news is written as an inverted pyramid, so the
   * first paragraph names who, what and where.
   */
  ledeFromBody?: boolean;
}

/** One entry of an article's stored term vector (one row of the inverted index). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/**
 * A headline names the story in a few words, so each of its words counts like several body
 * occurrences; the lede summarises it. Tuned with `npm run eval:related` (a lede
 * boost of 2 lifted the weakest event cluster by about 2 points of precision@5).
 */
export const DEFAULT_FIELD_BOOSTS: Readonly<FieldBoosts> = { title: 3, lede: 2, body: 1 };

/**
 * How many terms of each article go into the inverted index (rows per article). Short
 * vectors keep only the rarest names and lose the shared vocabulary of an event: on the
 * evaluation corpus precision@5 was 0.92 with 40 terms, 0.975 with 80, 0.98 with 100 and
 * barely moved above that (`npm run eval:related`).
 */
export const DEFAULT_TERM_VECTOR_SIZE = 100;

/**
 * Exponent applied to idf (1 = classic tf-idf). A running story makes its own key words
 * common („Брекзит“ is in half of the evaluation corpus, „коронавирус“ was in a large share
 * of 2020 news), and full idf then ranks them below one-off names and lets stories match on
 * incidental rare words. The square root keeps rare terms ahead but lets the event's words
 * stay in the vector: precision@5 rose from 0.96 (exponent 1) to 0.98 on the corpus at 100
 * terms. Not lower: without idf, reporting words („заяви“, „каза“) would fill the vectors
 * of a broad newsroom.
 */
export const DEFAULT_IDF_EXPONENT = 0.5;

export interface WeighTermsOptions {
  idfExponent?: number;
}

function byWeightThenTerm(a: [string, number], b: [string, number]): number {
  if (b[1] !== a[1]) return b[1] - a[1];
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * Boosted term frequencies of an article: each occurrence of a term adds its field's boost.
 * The result is raw (no idf): document frequencies are counted from the keys of this record,
 * and `weighTerms` turns it into the stored vector.
 */
export function buildTermVector(fields: TermVectorFields, locale: string, options: TermVectorOptions = {}): Record<string, number> {
  const boosts: FieldBoosts = {
    title: positiveOr(options.fieldBoosts?.title, DEFAULT_FIELD_BOOSTS.title),
    lede: positiveOr(options.fieldBoosts?.lede, DEFAULT_FIELD_BOOSTS.lede),
    body: positiveOr(options.fieldBoosts?.body, DEFAULT_FIELD_BOOSTS.body),
  };
  const tf = new Map<string, number>();
  const add = (text: string | null | undefined, boost: number): void => {
    if (!text || boost === 0) return;
    for (const term of analyze(text, locale)) tf.set(term, (tf.get(term) ?? 0) + boost);
  };
  let { lede, body } = fields;
  if (!lede?.trim() && body && options.ledeFromBody !== false) {
    const paragraphBreak = /\n[^\S\n]*\n/u.exec(body);
    if (paragraphBreak) {
      lede = body.slice(0, paragraphBreak.index);
      body = body.slice(paragraphBreak.index + paragraphBreak[0].length);
    }
  }
  add(fields.title, boosts.title);
  add(lede, boosts.lede);
  add(body, boosts.body);

  let entries = [...tf.entries()].sort(byWeightThenTerm);
  const { topN } = options;
  if (topN !== undefined && Number.isFinite(topN)) entries = entries.slice(0, Math.max(0, topN));
  // A null-prototype record: a term such as "constructor" must not collide with Object's keys.
  const record: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [term, weight] of entries) record[term] = weight;
  return record;
}

/**
 * Inverse document frequency, the probabilistic form used by BM25 (Lucene's
 * BM25Similarity): close to zero for a term in most documents, never negative, and defined
 * for a term the df table does not know yet (df 0 is read as 1: the article itself).
 */
export function inverseDocumentFrequency(df: number, totalDocs: number): number {
  const n = Math.max(1, Number.isFinite(totalDocs) ? totalDocs : 1);
  const d = Math.min(n, Math.max(1, Number.isFinite(df) ? df : 1));
  return Math.log(1 + (n - d + 0.5) / (d + 0.5));
}

/**
 * The stored term vector: the top-N terms by tf-idf, weight ln(1 + tf) · idf^exponent,
 * L2-normalised over those N, so the dot product of two stored vectors (what the
 * inverted-index query sums) is their cosine. Term frequency is damped: a name repeated ten
 * times is not ten times as telling; for the idf exponent see DEFAULT_IDF_EXPONENT.
 * `df` and `totalDocs` should already count the article being weighed (update the df table
 * first). Ties are broken by term so the same input always stores the same rows.
 */
export function weighTerms(
  tf: Readonly<Record<string, number>>,
  df: (term: string) => number,
  totalDocs: number,
  topN: number = DEFAULT_TERM_VECTOR_SIZE,
  options: WeighTermsOptions = {},
): WeightedTerm[] {
  const exponent = positiveOr(options.idfExponent, DEFAULT_IDF_EXPONENT);
  const scored: Array<[string, number]> = [];
  for (const term of Object.keys(tf)) {
    const frequency = tf[term] ?? 0;
    if (!(frequency > 0) || !Number.isFinite(frequency)) continue;
    const idf = inverseDocumentFrequency(df(term), totalDocs);
    const weight = Math.log1p(frequency) * Math.pow(idf, exponent);
    if (weight > 0) scored.push([term, weight]);
  }
  const top = scored.sort(byWeightThenTerm).slice(0, Math.max(0, Math.floor(topN)));
  const norm = Math.sqrt(top.reduce((sum, [, weight]) => sum + weight * weight, 0));
  if (norm === 0) return [];
  return top.map(([term, weight]) => ({ term, weight: weight / norm }));
}
