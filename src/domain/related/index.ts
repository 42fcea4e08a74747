export { fingerprintSimilarity, fingerprintText, isNearDuplicate, NEAR_DUPLICATE_THRESHOLD, NUM_HASHES, SHINGLE_SIZE } from './fingerprint';
export { dfDeltas } from './df-deltas';
export { rankRelated, rankScored } from './rank-related';
export type { RankedRelated, RankRelatedOptions, ScoredEntry } from './rank-related';
export { DEFAULT_RELATED_WEIGHTS, recencyDecay, relevanceOf, scoreFromRelevance, tagOverlap, termCosine } from './score';
export type { RelatedFeatures, RelatedWeights } from './score';
export { buildTermVector, DEFAULT_FIELD_BOOSTS, DEFAULT_IDF_EXPONENT, DEFAULT_TERM_VECTOR_SIZE, inverseDocumentFrequency, weighTerms } from './term-vector';
export type { FieldBoosts, TermVectorFields, TermVectorOptions, WeighTermsOptions, WeightedTerm } from './term-vector';
export { RELATED_CANDIDATE_LIMIT, RELATED_STORED_LIST_SIZE, RELATED_POSTINGS_PER_TERM, RELATED_RECENCY_WINDOW_DAYS } from './retrieval-defaults';
