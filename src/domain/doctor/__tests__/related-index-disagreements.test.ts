import { relatedDocDisagreements, rowOwnerDisagreements } from '../related-index-disagreements';

const D1 = '2026-01-01T00:00:00.000Z';
const D2 = '2026-02-01T00:00:00.000Z';

describe('relatedDocDisagreements', () => {
  test.each<[string, Array<[string, string | null]>, Array<[string, string]>, { missing: string[]; orphan: string[]; stale: string[] }]>([
    ['the index matches the published variants', [['a', D1]], [['a', D1]], { missing: [], orphan: [], stale: [] }],
    [
      'a published variant without index row',
      [
        ['a', D1],
        ['b', D1],
      ],
      [['a', D1]],
      { missing: ['b'], orphan: [], stale: [] },
    ],
    [
      'an index row of a deleted or unpublished variant',
      [['a', D1]],
      [
        ['a', D1],
        ['gone', D1],
      ],
      { missing: [], orphan: ['gone'], stale: [] },
    ],
    ['indexed under another date', [['a', D2]], [['a', D1]], { missing: [], orphan: [], stale: ['a'] }],
    ['an article without a date is not compared by date', [['a', null]], [['a', D1]], { missing: [], orphan: [], stale: [] }],
  ])('%s', (_name, published, indexed, result) => {
    expect(relatedDocDisagreements(new Map(published), new Map(indexed))).toEqual(result);
  });
});

describe('rowOwnerDisagreements', () => {
  test.each<[string, string[], string[], string[], { orphanOwners: string[]; withoutRows: string[] }]>([
    ['every indexed variant owns rows', ['a', 'b'], ['a', 'b'], ['a', 'b'], { orphanOwners: [], withoutRows: [] }],
    ['rows left by a deleted variant', ['a'], ['a'], ['a', 'deleted'], { orphanOwners: ['deleted'], withoutRows: [] }],
    ['an indexed variant that lost its rows', ['a', 'b'], ['a', 'b'], ['a'], { orphanOwners: [], withoutRows: ['b'] }],
    ['a variant that need not own rows', ['a', 'empty'], ['a'], ['a'], { orphanOwners: [], withoutRows: [] }],
  ])('%s', (_name, indexed, shouldOwn, owners, result) => {
    expect(rowOwnerDisagreements(indexed, shouldOwn, owners)).toEqual(result);
  });

  test('owners given as a one-pass iterator (a Map’s keys) are read once for both answers', () => {
    const owners = new Map([['a', 3]]).keys();
    expect(rowOwnerDisagreements(['a', 'b'], ['a', 'b'], owners)).toEqual({ orphanOwners: [], withoutRows: ['b'] });
  });
});
