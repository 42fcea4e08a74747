import { absoluteUrl, fillPathPattern, normaliseSiteUrl } from '../public-url';

describe('fillPathPattern', () => {
  test.each([
    ['/{locale}/{slug}', 'bg', 'stara-planina', '/bg/stara-planina'],
    ['/novini/{slug}', 'bg', 'kardzhali', '/novini/kardzhali'],
    ['/{locale}/authors/{slug}', 'en', 'elitsa-petrova', '/en/authors/elitsa-petrova'],
    ['/{locale}/{slug}', 'bg', 'a b?', '/bg/a%20b%3F'],
  ])('%s with %s/%s → %s', (pattern, locale, slug, expected) => {
    expect(fillPathPattern(pattern, locale, slug)).toBe(expected);
  });
});

describe('normaliseSiteUrl', () => {
  test.each([
    ['https://novinar.bg', 'https://novinar.bg'],
    ['https://novinar.bg/', 'https://novinar.bg'],
    ['https://example.com/news/', 'https://example.com/news'],
    ['HTTP://Example.COM', 'http://example.com'],
  ])('%s → %s', (value, expected) => {
    expect(normaliseSiteUrl(value)).toBe(expected);
  });

  test.each([['novinar.bg'], ['ftp://novinar.bg'], ['https://novinar.bg/?a=1'], ['https://novinar.bg/#top'], ['']])(
    'refuses %s with a message naming the variable',
    (value) => {
      expect(() => normaliseSiteUrl(value)).toThrow(/PUBLIC_SITE_URL/);
    },
  );
});

describe('absoluteUrl', () => {
  test.each([
    ['https://novinar.bg', '/bg/kardzhali', 'https://novinar.bg/bg/kardzhali'],
    ['https://novinar.bg', 'bg/kardzhali', 'https://novinar.bg/bg/kardzhali'],
    ['https://cms.novinar.bg', '/uploads/a.jpg', 'https://cms.novinar.bg/uploads/a.jpg'],
    ['https://cms.novinar.bg', 'https://cdn.example.com/a.jpg', 'https://cdn.example.com/a.jpg'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(absoluteUrl(base, path)).toBe(expected);
  });
});
