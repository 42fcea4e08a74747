/** Document frequencies recounted from the indexed variants' distinct terms (each variant counts a term once). */
export function countDf(termLists: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

export interface DfDisagreement {
  term: string;
  expected: number;
  actual: number;
}

/**
 * Terms whose stored df differs from the recount, sorted by term (the order df rows are
 * written in). `expected` 0: a row that should not exist; `actual` 0: a row that is missing.
 */
export function dfDisagreements(expected: ReadonlyMap<string, number>, actual: ReadonlyMap<string, number>): DfDisagreement[] {
  const terms = new Set([...expected.keys(), ...actual.keys()]);
  return [...terms]
    .map((term) => ({ term, expected: expected.get(term) ?? 0, actual: actual.get(term) ?? 0 }))
    .filter((row) => row.expected !== row.actual)
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
