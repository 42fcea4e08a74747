import { countSlugs, MAX_COUNT_SLUGS } from '../count-slugs';

const many = (n: number) => Array.from({ length: n }, (_, i) => `statia-${i}`);

describe('countSlugs', () => {
  test.each<[string, string[], ReturnType<typeof countSlugs>]>([
    ['one slug', ['putin-i-kim'], { slugs: ['putin-i-kim'] }],
    ['keeps the order asked for', ['b', 'a'], { slugs: ['b', 'a'] }],
    ['asks about a repeated slug once', ['a', 'b', 'a'], { slugs: ['a', 'b'] }],
    ['no slugs at all', [], { slugs: [] }],
    ['Cyrillic is not a slug', ['путин'], { problem: '"путин" is not a valid slug.' }],
    ['upper case is not a slug', ['Putin'], { problem: '"Putin" is not a valid slug.' }],
    ['an empty string is not a slug', ['a', ''], { problem: '"" is not a valid slug.' }],
    ['the first bad slug is named', ['ok', 'x y', 'Z'], { problem: '"x y" is not a valid slug.' }],
  ])('%s', (_label, requested, expected) => {
    expect(countSlugs(requested)).toEqual(expected);
  });

  test('the limit counts distinct slugs', () => {
    expect(countSlugs(many(MAX_COUNT_SLUGS))).toEqual({ slugs: many(MAX_COUNT_SLUGS) });
    expect(countSlugs([...many(MAX_COUNT_SLUGS), 'statia-0'])).toEqual({ slugs: many(MAX_COUNT_SLUGS) });
    expect(countSlugs(many(MAX_COUNT_SLUGS + 1))).toEqual({ problem: `slugs may list at most ${MAX_COUNT_SLUGS} articles.` });
  });
});
