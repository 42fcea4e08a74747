import type { WeightedTerm } from './term-vector';

/** What the ranking knows about one published article (all of it stored at write time). */
export interface RelatedFeatures {
  documentId: string;
  locale: string;
  /** ISO 8601 instant. */
  publicationDate: string;
  tags: string[];
  section?: string | null;
  agency?: string | null;
  /** The stored term vector (see `weighTerms`): top-N terms, L2-normalised weights. */
  terms: WeightedTerm[];
  /** The stored near-duplicate fingerprint (see `fingerprintText`). */
  fingerprint: string;
}

export interface RelatedWeights {
  /** Weight of the cosine similarity of the two term vectors, in [0, 1]. */
  text: number;
  /** Weight of the tag overlap (Ochiai coefficient of the two tag sets, in [0, 1]). */
  sharedTag: number;
  /** Added when both articles are in the same section. */
  sameSection: number;
  /** Added when both articles come from the same source agency. */
  sameAgency: number;
  /**
   * Share of the score that depends on the candidate's age, in [0, 1]: 0 ignores age, 0.2
   * lets an old story keep 80 % of its relevance and a brand-new one 100 %.
   */
  recency: number;
  /** Age, in days, at which the recency part has halved. */
  recencyHalfLifeDays: number;
}

/**
 * Text carries the ranking: tags, section and agency are editorial hints that lift a story
 * among the text-similar ones. Recency is a multiplier, not an addend, so age never makes an
 * unrelated story look related; it only orders stories of similar relevance, newest first.
 * The evaluation corpus (scripts/eval-related-offline.ts) has no tags, sections or agencies
 * and few dates, so only `text` is measured there; the other weights are editorial choices
 * sized so that a shared tag outweighs a small text difference but not a topic change.
 */
export const DEFAULT_RELATED_WEIGHTS: Readonly<RelatedWeights> = {
  text: 1,
  sharedTag: 0.3,
  sameSection: 0.05,
  sameAgency: 0.02,
  recency: 0.2,
  recencyHalfLifeDays: 30,
};

const DAY_MS = 24 * 60 * 60 * 1000;

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** Dot product of two sparse vectors; with L2-normalised stored vectors this is the cosine. */
export function termCosine(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const weights = new Map<string, number>();
  for (const { term, weight } of large) weights.set(term, (weights.get(term) ?? 0) + weight);
  let dot = 0;
  for (const { term, weight } of small) dot += weight * (weights.get(term) ?? 0);
  return Math.max(0, Math.min(1, finiteOrZero(dot)));
}

function normaliseLabel(label: string): string {
  return label.trim().toLocaleLowerCase();
}

/**
 * Overlap of two tag sets as |A ∩ B| / sqrt(|A|·|B|) (Ochiai): symmetric, 1 for identical
 * sets, and one shared tag counts more between two lightly tagged articles than between two
 * that carry twenty tags each.
 */
export function tagOverlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a.map(normaliseLabel).filter(Boolean));
  const right = new Set(b.map(normaliseLabel).filter(Boolean));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const tag of left) if (right.has(tag)) shared += 1;
  return shared / Math.sqrt(left.size * right.size);
}

function sameLabel(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && normaliseLabel(a) === normaliseLabel(b);
}

/**
 * 1 for a story published at `now` or later, halving every `halfLifeDays`. An unparseable
 * date counts as very old rather than breaking the ranking.
 */
export function recencyDecay(publicationDate: string, now: Date, halfLifeDays: number): number {
  const published = Date.parse(publicationDate);
  const reference = now.getTime();
  if (!Number.isFinite(published) || !Number.isFinite(reference)) return 0;
  if (!(halfLifeDays > 0)) return 1;
  const ageDays = Math.max(0, reference - published) / DAY_MS;
  return Math.pow(0.5, ageDays / halfLifeDays);
}

/**
 * The time-independent part of the score: text, tags, section and agency. Symmetric in the
 * two articles. Stored next to each list entry, so a list can be re-ranked at a later `now`
 * without the entries' term vectors.
 */
export function relevanceOf(target: RelatedFeatures, candidate: RelatedFeatures, weights: RelatedWeights): number {
  return (
    finiteOrZero(weights.text) * termCosine(target.terms, candidate.terms) +
    finiteOrZero(weights.sharedTag) * tagOverlap(target.tags ?? [], candidate.tags ?? []) +
    (sameLabel(target.section, candidate.section) ? finiteOrZero(weights.sameSection) : 0) +
    (sameLabel(target.agency, candidate.agency) ? finiteOrZero(weights.sameAgency) : 0)
  );
}

/** A relevance as of `now`: the recency share of it decays with the candidate's age. */
export function scoreFromRelevance(relevance: number, publicationDate: string, weights: RelatedWeights, now: Date): number {
  if (!(relevance > 0)) return 0;
  const share = Math.min(1, Math.max(0, finiteOrZero(weights.recency)));
  const decay = recencyDecay(publicationDate, now, weights.recencyHalfLifeDays);
  return relevance * (1 - share + share * decay);
}
