import { hreflangAlternates, openGraphLocale } from '../hreflang';

describe('hreflangAlternates', () => {
  test.each([
    [
      'both variants and x-default to bg',
      [
        { locale: 'en', url: 'https://n.bg/en/a' },
        { locale: 'bg', url: 'https://n.bg/bg/a' },
      ],
      [
        { hreflang: 'bg', href: 'https://n.bg/bg/a' },
        { hreflang: 'en', href: 'https://n.bg/en/a' },
        { hreflang: 'x-default', href: 'https://n.bg/bg/a' },
      ],
    ],
    ['no bg variant: no x-default', [{ locale: 'en', url: 'https://n.bg/en/a' }], [{ hreflang: 'en', href: 'https://n.bg/en/a' }]],
    ['nothing', [], []],
  ])('%s', (_label, variants, expected) => {
    expect(hreflangAlternates(variants, 'bg')).toEqual(expected);
  });

  test('is the same set whichever variant asks (reciprocal)', () => {
    const variants = [
      { locale: 'bg', url: 'https://n.bg/bg/a' },
      { locale: 'en', url: 'https://n.bg/en/b' },
    ];
    expect(hreflangAlternates(variants, 'bg')).toEqual(hreflangAlternates([...variants].reverse(), 'bg'));
  });
});

describe('openGraphLocale', () => {
  test.each([
    ['bg', 'bg_BG'],
    ['en', 'en_US'],
    ['de', 'de_DE'],
    ['en-GB', 'en_GB'],
  ])('%s → %s', (locale, expected) => {
    expect(openGraphLocale(locale)).toBe(expected);
  });
});
