import { fingerprintSimilarity, NEAR_DUPLICATE_THRESHOLD } from './fingerprint';
import { relevanceOf, scoreFromRelevance } from './score';
import type { RelatedFeatures, RelatedWeights } from './score';

export interface RankRelatedOptions {
  weights: RelatedWeights;
  now: Date;
  /** Maximum number of related articles returned. */
  limit: number;
  /** Estimated Jaccard at or above which two articles are one story (NEAR_DUPLICATE_THRESHOLD). */
  duplicateThreshold?: number;
}

export interface RankedRelated {
  documentId: string;
  /** The score as of `now`: relevance with the recency share applied. */
  score: number;
  /** The time-independent part (see `relevanceOf`), stored to re-rank the list later. */
  relevance: number;
}

/** A list entry as re-ranking needs it: no term vector, its relevance already known. */
export interface ScoredEntry {
  documentId: string;
  relevance: number;
  publicationDate: string;
  fingerprint: string;
}

interface Scored {
  entry: ScoredEntry;
  score: number;
  time: number;
}

function compareScored(a: Scored, b: Scored): number {
  if (b.score !== a.score) return b.score - a.score;
  if (b.time !== a.time) return b.time - a.time;
  if (a.entry.documentId < b.entry.documentId) return -1;
  if (a.entry.documentId > b.entry.documentId) return 1;
  return 0;
}

function timeOf(isoDate: string): number {
  const time = Date.parse(isoDate);
  return Number.isFinite(time) ? time : Number.NEGATIVE_INFINITY;
}

/**
 * The related list of `target`, best first.
 *
 * - The target itself, other locales and candidates with no relevance are left out.
 * - A candidate that is a near-duplicate of the target is the same story told again: left out.
 * - Near-duplicates among the candidates are collapsed to the best-scoring copy, so a list
 *   never shows one story twice (copies from different agencies included). The walk goes
 *   down the whole ranking, so collapsed copies are replaced by the next distinct stories.
 * - Order is total and stable across runs: score, then newer, then documentId.
 * The same documentId given twice (e.g. two rows of one document) counts once.
 */
export function rankRelated(target: RelatedFeatures, candidates: readonly RelatedFeatures[], options: RankRelatedOptions): RankedRelated[] {
  const seen = new Set<string>([target.documentId]);
  const entries: ScoredEntry[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.documentId) || candidate.locale !== target.locale) continue;
    seen.add(candidate.documentId);
    const { documentId, publicationDate, fingerprint } = candidate;
    entries.push({ documentId, publicationDate, fingerprint, relevance: relevanceOf(target, candidate, options.weights) });
  }
  return rankScored(target, entries, options);
}

/**
 * `rankRelated` for entries whose relevance is already known (a stored list plus a newcomer):
 * scored as of `options.now`, ordered, near-duplicates collapsed, cut to the limit. Gives the
 * same list as `rankRelated` over the same articles.
 */
export function rankScored(
  target: Pick<RelatedFeatures, 'documentId' | 'fingerprint'>,
  entries: readonly ScoredEntry[],
  options: RankRelatedOptions,
): RankedRelated[] {
  const limit = Number.isNaN(options.limit) ? 0 : Math.max(0, Math.floor(options.limit));
  if (limit === 0) return [];
  const threshold = options.duplicateThreshold ?? NEAR_DUPLICATE_THRESHOLD;

  const seen = new Set<string>([target.documentId]);
  const scored: Scored[] = [];
  for (const entry of entries) {
    if (seen.has(entry.documentId)) continue;
    seen.add(entry.documentId);
    const score = scoreFromRelevance(entry.relevance, entry.publicationDate, options.weights, options.now);
    if (!(score > 0)) continue;
    scored.push({ entry, score, time: timeOf(entry.publicationDate) });
  }
  scored.sort(compareScored);

  const kept: Scored[] = [];
  for (const item of scored) {
    const { fingerprint } = item.entry;
    if (fingerprintSimilarity(target.fingerprint, fingerprint) >= threshold) continue;
    if (kept.some((other) => fingerprintSimilarity(other.entry.fingerprint, fingerprint) >= threshold)) continue;
    kept.push(item);
    if (kept.length === limit) break;
  }
  return kept.map(({ entry, score }) => ({ documentId: entry.documentId, score, relevance: entry.relevance }));
}
