import { nextFreeSlug } from '../next-free-slug';
import { validateSlug } from '../validate-slug';

describe('nextFreeSlug', () => {
  test.each<[string, string, string[], string]>([
    ['returns the base when it is free', 'putin', [], 'putin'],
    ['ignores unrelated slugs', 'putin', ['putin-2', 'tramp'], 'putin'],
    ['appends -2 when the base is taken', 'putin', ['putin'], 'putin-2'],
    ['takes the first free number', 'putin', ['putin', 'putin-2'], 'putin-3'],
    ['fills a gap in the numbering', 'putin', ['putin', 'putin-2', 'putin-4'], 'putin-3'],
    ['counts past 9', 'putin', ['putin', ...Array.from({ length: 9 }, (_, i) => `putin-${i + 2}`)], 'putin-11'],
    ['numbers a base that itself ends in a number', 'iphone-17', ['iphone-17'], 'iphone-17-2'],
  ])('%s', (_label, base, taken, expected) => {
    expect(nextFreeSlug(base, taken)).toBe(expected);
  });

  test('accepts any iterable of taken slugs', () => {
    expect(nextFreeSlug('putin', new Set(['putin']))).toBe('putin-2');
    function* takenSlugs(): Generator<string> {
      yield 'putin';
      yield 'putin-2';
    }
    expect(nextFreeSlug('putin', takenSlugs())).toBe('putin-3');
  });

  test.each<[string, string, string[], number, string]>([
    ['trims the base at a hyphen to make room for the suffix', 'stara-planina-vrah', ['stara-planina-vrah'], 18, 'stara-planina-2'],
    ['keeps the base whole when the suffix fits', 'stara-planina', ['stara-planina'], 15, 'stara-planina-2'],
    ['trims further for a longer suffix', 'abc-def-gh', ['abc-def-gh', ...Array.from({ length: 8 }, (_, i) => `abc-def-${i + 2}`)], 10, 'abc-def-10'],
    ['cuts a single over-long word hard', 'abcdefghij', ['abcdefghij'], 10, 'abcdefgh-2'],
    ['shortens a base longer than maxLength first', 'stara-planina-vrah', [], 13, 'stara-planina'],
  ])('%s', (_label, base, taken, maxLength, expected) => {
    const slug = nextFreeSlug(base, taken, maxLength);
    expect(slug).toBe(expected);
    expect(validateSlug(slug, maxLength)).toBeNull();
  });

  test('keeps a 120-character default slug within 120 characters', () => {
    const base = Array.from({ length: 24 }, () => 'dumaa')
      .join('-')
      .slice(0, 120)
      .replace(/-$/, '');
    const slug = nextFreeSlug(base, [base]);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith('-2')).toBe(true);
    expect(validateSlug(slug)).toBeNull();
  });

  test('refuses an empty base or a maxLength with no room for a suffix', () => {
    expect(() => nextFreeSlug('', [])).toThrow(RangeError);
    expect(() => nextFreeSlug('ab', ['ab'], 2)).toThrow(RangeError);
  });
});
