import { dfDeltas } from '../df-deltas';

describe('dfDeltas', () => {
  test.each<[string, string[], string[], Array<[string, number]>]>([
    [
      'a first index adds every term once',
      [],
      ['мир', 'брекзит', 'мир'],
      [
        ['брекзит', 1],
        ['мир', 1],
      ],
    ],
    [
      'removal takes every term away',
      ['мир', 'брекзит'],
      [],
      [
        ['брекзит', -1],
        ['мир', -1],
      ],
    ],
    [
      'terms kept by a re-index are not touched',
      ['a', 'b', 'c'],
      ['b', 'c', 'd'],
      [
        ['a', -1],
        ['d', 1],
      ],
    ],
    ['an unchanged text changes nothing', ['x', 'y'], ['y', 'x'], []],
    [
      'sorted by code point whatever the input order',
      ['zeta'],
      ['alpha', 'Бета', 'beta'],
      [
        ['alpha', 1],
        ['beta', 1],
        ['zeta', -1],
        ['Бета', 1],
      ],
    ],
  ])('%s', (_name, oldTerms, newTerms, expected) => {
    expect(dfDeltas(oldTerms, newTerms)).toEqual(expected);
  });
});
