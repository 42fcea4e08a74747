/**
 * What a derived table lacks and what it holds in excess, compared with the keys the content
 * says it should hold: `missing` are expected and absent, `orphan` present and not expected.
 * Both sorted, so reports and repairs go in a stable order.
 */
export interface KeyComparison {
  missing: string[];
  orphan: string[];
}

export function compareKeys(expected: Iterable<string>, actual: Iterable<string>): KeyComparison {
  const want = new Set(expected);
  const have = new Set(actual);
  return {
    missing: [...want].filter((key) => !have.has(key)).sort(),
    orphan: [...have].filter((key) => !want.has(key)).sort(),
  };
}
