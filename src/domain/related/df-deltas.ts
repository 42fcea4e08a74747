/**
 * How one re-index changes the document frequencies of a locale: -1 for each term the old
 * version had and the new one lacks, +1 for the reverse, nothing for terms in both. Sorted by
 * term, because every writer then locks df rows in the same order: two transactions that
 * touch overlapping terms wait for each other instead of deadlocking (PostgreSQL aborted one
 * of them with "deadlock detected" when a decrement pass and an increment pass met).
 */
export function dfDeltas(oldTerms: readonly string[], newTerms: readonly string[]): Array<[term: string, delta: number]> {
  const deltas = new Map<string, number>();
  for (const term of new Set(oldTerms)) deltas.set(term, -1);
  for (const term of new Set(newTerms)) deltas.set(term, (deltas.get(term) ?? 0) + 1);
  return [...deltas].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
