import { buildTermVector, DEFAULT_TERM_VECTOR_SIZE, inverseDocumentFrequency, weighTerms } from '../term-vector';

describe('buildTermVector', () => {
  test('counts stemmed terms without stop words', () => {
    const tf = buildTermVector({ title: '', body: 'Министърът и министрите на държавата' }, 'bg', {
      ledeFromBody: false,
    });
    expect({ ...tf }).toEqual({ министр: 2, държав: 1 });
  });

  test.each<[string, { title: number; lede: number; body: number }, number]>([
    ['default boosts', { title: 3, lede: 2, body: 1 }, 3 + 2 + 1],
    ['custom boosts', { title: 5, lede: 0, body: 1 }, 5 + 1],
  ])('weights each field by its boost (%s)', (_name, fieldBoosts, expected) => {
    const tf = buildTermVector({ title: 'Брекзит', lede: 'Брекзит', body: 'Брекзит' }, 'bg', {
      fieldBoosts,
    });
    expect(tf['брекзит']).toBe(expected);
  });

  test('a title word outweighs the same word once in the body', () => {
    const tf = buildTermVector({ title: 'Ваксина', body: 'Газопровод' }, 'bg');
    expect(tf['ваксин']).toBeGreaterThan(tf['газопровод'] ?? 0);
  });

  test('reads the first paragraph of the body as the lede when there is none', () => {
    const fields = { title: '', body: 'Газопровод.\n\nВаксина.' };
    expect(buildTermVector(fields, 'bg')['газопровод']).toBe(2);
    expect(buildTermVector(fields, 'bg', { ledeFromBody: false })['газопровод']).toBe(1);
    expect(buildTermVector({ ...fields, lede: 'Мита.' }, 'bg')['газопровод']).toBe(1);
  });

  test('topN keeps the most frequent terms', () => {
    const tf = buildTermVector({ title: 'Брекзит', body: 'Брекзит Лондон Лондон Брюксел' }, 'bg', {
      topN: 2,
    });
    expect(Object.keys(tf).sort()).toEqual(['брекзит', 'лондон']);
  });

  test('terms named like Object properties are plain keys', () => {
    const tf = buildTermVector({ title: 'constructor hasOwnProperty', body: '' }, 'en');
    expect(Object.keys(tf).sort()).toEqual(['constructor', 'hasownproperty']);
    expect(tf['constructor']).toBe(3);
  });

  test('empty fields give an empty vector', () => {
    expect(Object.keys(buildTermVector({ title: '' }, 'bg'))).toEqual([]);
  });
});

describe('inverseDocumentFrequency', () => {
  test.each<[number, number]>([
    [1, 1000],
    [10, 1000],
    [999, 1000],
    [1000, 1000],
    [0, 1000],
    [5, 0],
    [Number.NaN, 10],
  ])('is finite and positive for df=%s, N=%s', (df, n) => {
    const idf = inverseDocumentFrequency(df, n);
    expect(Number.isFinite(idf)).toBe(true);
    expect(idf).toBeGreaterThan(0);
  });

  test('falls as a term gets more common', () => {
    expect(inverseDocumentFrequency(1, 1000)).toBeGreaterThan(inverseDocumentFrequency(10, 1000));
    expect(inverseDocumentFrequency(10, 1000)).toBeGreaterThan(inverseDocumentFrequency(900, 1000));
  });
});

describe('weighTerms', () => {
  const df = (term: string): number => ({ common: 900, rare: 2 })[term] ?? 1;

  test('returns an L2-normalised top-N vector, best first', () => {
    const tf: Record<string, number> = { common: 3, rare: 3, a: 1, b: 1, c: 1 };
    const vector = weighTerms(tf, df, 1000, 3);
    expect(vector).toHaveLength(3);
    const norm = Math.sqrt(vector.reduce((sum, { weight }) => sum + weight * weight, 0));
    expect(norm).toBeCloseTo(1, 10);
    const weights = vector.map((entry) => entry.weight);
    expect([...weights].sort((x, y) => y - x)).toEqual(weights);
  });

  test('a rare term outweighs a common one with the same frequency', () => {
    const vector = weighTerms({ common: 2, rare: 2 }, df, 1000, 10);
    expect(vector[0]?.term).toBe('rare');
  });

  test('a frequent term outweighs a once-mentioned term of similar rarity', () => {
    const vector = weighTerms({ x: 6, y: 1 }, () => 5, 1000, 10);
    expect(vector.map((entry) => entry.term)).toEqual(['x', 'y']);
  });

  test('ties are broken by term, so the stored rows are stable', () => {
    const vector = weighTerms({ b: 1, a: 1, c: 1 }, () => 1, 10, 2);
    expect(vector.map((entry) => entry.term)).toEqual(['a', 'b']);
  });

  test.each<[string, Record<string, number>, number]>([
    ['empty tf', {}, 5],
    ['topN 0', { a: 1 }, 0],
    ['zero and non-finite frequencies', { a: 0, b: Number.NaN, c: -1 }, 5],
  ])('gives an empty vector for %s', (_name, tf, topN) => {
    expect(weighTerms(tf, () => 1, 10, topN)).toEqual([]);
  });

  test(`defaults to ${DEFAULT_TERM_VECTOR_SIZE} terms`, () => {
    const tf = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`t${i}`, 1]));
    expect(weighTerms(tf, () => 1, 1000)).toHaveLength(DEFAULT_TERM_VECTOR_SIZE);
  });
});
