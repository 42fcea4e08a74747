import { compareKeys } from '../compare-keys';
import { countDf, dfDisagreements } from '../df-disagreements';

describe('compareKeys', () => {
  test.each<[string, string[], string[], { missing: string[]; orphan: string[] }]>([
    ['equal sets agree', ['a', 'b'], ['b', 'a'], { missing: [], orphan: [] }],
    ['an empty table lacks everything', ['b', 'a'], [], { missing: ['a', 'b'], orphan: [] }],
    ['rows of gone content are orphans', [], ['x'], { missing: [], orphan: ['x'] }],
    ['both at once, sorted, duplicates once', ['c', 'a', 'a'], ['b', 'c', 'b'], { missing: ['a'], orphan: ['b'] }],
  ])('%s', (_name, expected, actual, result) => {
    expect(compareKeys(expected, actual)).toEqual(result);
  });
});

describe('countDf and dfDisagreements', () => {
  test('a variant counts each term once', () => {
    expect(countDf([['мир', 'мир', 'война'], ['мир']])).toEqual(
      new Map([
        ['мир', 2],
        ['война', 1],
      ]),
    );
  });

  test.each<[string, Array<[string, number]>, Array<[string, number]>, Array<{ term: string; expected: number; actual: number }>]>([
    ['agreeing counts report nothing', [['a', 2]], [['a', 2]], []],
    ['off by one', [['a', 2]], [['a', 3]], [{ term: 'a', expected: 2, actual: 3 }]],
    ['a row of a term no variant has', [], [['zombie', 1]], [{ term: 'zombie', expected: 0, actual: 1 }]],
    ['a missing row', [['b', 1]], [], [{ term: 'b', expected: 1, actual: 0 }]],
    [
      'sorted by term',
      [
        ['b', 1],
        ['a', 1],
      ],
      [],
      [
        { term: 'a', expected: 1, actual: 0 },
        { term: 'b', expected: 1, actual: 0 },
      ],
    ],
  ])('%s', (_name, expected, actual, result) => {
    expect(dfDisagreements(new Map(expected), new Map(actual))).toEqual(result);
  });
});
