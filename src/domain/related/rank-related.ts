import { fingerprintSimilarity, NEAR_DUPLICATE_THRESHOLD } from './fingerprint';
import { scoreCandidate } from './score';
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
  score: number;
}

interface Scored {
  features: RelatedFeatures;
  score: number;
  time: number;
}

function compareScored(a: Scored, b: Scored): number {
  if (b.score !== a.score) return b.score - a.score;
  if (b.time !== a.time) return b.time - a.time;
  if (a.features.documentId < b.features.documentId) return -1;
  if (a.features.documentId > b.features.documentId) return 1;
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
export function rankRelated(
  target: RelatedFeatures,
  candidates: readonly RelatedFeatures[],
  options: RankRelatedOptions,
): RankedRelated[] {
  const limit = Number.isNaN(options.limit) ? 0 : Math.max(0, Math.floor(options.limit));
  if (limit === 0) return [];
  const threshold = options.duplicateThreshold ?? NEAR_DUPLICATE_THRESHOLD;

  const seen = new Set<string>([target.documentId]);
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.documentId) || candidate.locale !== target.locale) continue;
    seen.add(candidate.documentId);
    const score = scoreCandidate(target, candidate, options.weights, options.now);
    if (!(score > 0)) continue;
    scored.push({ features: candidate, score, time: timeOf(candidate.publicationDate) });
  }
  scored.sort(compareScored);

  const kept: Scored[] = [];
  for (const entry of scored) {
    const { fingerprint } = entry.features;
    if (fingerprintSimilarity(target.fingerprint, fingerprint) >= threshold) continue;
    if (
      kept.some(
        (other) => fingerprintSimilarity(other.features.fingerprint, fingerprint) >= threshold,
      )
    ) {
      continue;
    }
    kept.push(entry);
    if (kept.length === limit) break;
  }
  return kept.map(({ features, score }) => ({ documentId: features.documentId, score }));
}
