import { compareKeys } from './compare-keys';

export interface RelatedDocDisagreements {
  /** Published variants the index lacks: they are in nobody's list and have no list of their own. */
  missing: string[];
  /** Indexed variants that are no longer published (unpublished or deleted): cards that lead nowhere. */
  orphan: string[];
  /** Indexed under another publication date than the article's: ranked by a date it no longer has. */
  stale: string[];
}

/**
 * The related index's variants (`novinar_related_docs`) against the published article variants,
 * both keyed by variant, with their publication dates (ISO; null when the article has none,
 * which the indexer then stamps itself and is not compared).
 */
export function relatedDocDisagreements(published: ReadonlyMap<string, string | null>, indexed: ReadonlyMap<string, string>): RelatedDocDisagreements {
  const { missing, orphan } = compareKeys(published.keys(), indexed.keys());
  const stale = [...indexed]
    .filter(([key, date]) => {
      const expected = published.get(key);
      return expected !== undefined && expected !== null && expected !== date;
    })
    .map(([key]) => key)
    .sort();
  return { missing, orphan, stale };
}

export interface RowOwnerDisagreements {
  /** Variants that own rows (postings, list entries) but are not indexed. */
  orphanOwners: string[];
  /** Indexed variants that should own rows and own none. */
  withoutRows: string[];
}

/**
 * Rows keyed by an owning variant (the postings in `novinar_related_terms`, the lists in
 * `novinar_related_lists`) against the indexed variants. `shouldOwn` are the indexed variants
 * that must own at least one row (a variant with no terms has no postings).
 */
export function rowOwnerDisagreements(indexed: Iterable<string>, shouldOwn: Iterable<string>, owners: Iterable<string>): RowOwnerDisagreements {
  const owning = new Set(owners);
  const { orphan } = compareKeys(indexed, owning);
  const { missing } = compareKeys(shouldOwn, owning);
  return { orphanOwners: orphan, withoutRows: missing };
}
