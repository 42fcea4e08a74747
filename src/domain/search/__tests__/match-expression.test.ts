import { fts5Match, tsqueryLiteral, tsvectorLiteral } from '../match-expression';

const words = [
  { token: 'putin', alternatives: ['putin', '_putin'], latin: true },
  { token: 'поток', alternatives: ['потоц'], latin: false },
];

describe('engine expressions are built from terms, every term quoted', () => {
  test('FTS5: every word (AND), any alternative (OR)', () => {
    expect(fts5Match(words)).toBe('("putin" OR "_putin") AND ("потоц")');
    expect(fts5Match(words, true)).toBe('("putin" OR "_putin") OR ("потоц")');
  });

  test('tsquery: the same shape', () => {
    expect(tsqueryLiteral(words)).toBe("('putin' | '_putin') & ('потоц')");
  });

  test.each([
    ['near', '"near"', "'near'"],
    ['not', '"not"', "'not'"],
    ['a"b', '"a""b"', "'a\"b'"],
    ["a'b", '"a\'b"', "'a''b'"],
    ['a\\b', '"a\\b"', "'a\\\\b'"],
  ])('a term %p stays a term', (term, fts5, tsquery) => {
    const word = [{ token: term, alternatives: [term], latin: false }];
    expect(fts5Match(word)).toBe(`(${fts5})`);
    expect(tsqueryLiteral(word)).toBe(`(${tsquery})`);
  });

  test('tsvector: positions in field order, weights per field', () => {
    expect(
      tsvectorLiteral([
        { terms: ['потоц', 'газ'], weight: 'A' },
        { terms: ['газ'], weight: 'D' },
      ]),
    ).toBe("'потоц':1A 'газ':2A,3D");
  });
});
