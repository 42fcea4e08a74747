import { articlePath } from '../article-path';

describe('articlePath', () => {
  test.each([
    ['/{locale}/{slug}', 'bg', 'putin-i-kim', '/bg/putin-i-kim'],
    ['/news/{slug}', 'bg', 'putin-i-kim', '/news/putin-i-kim'],
    ['/{locale}/statii/{slug}.html', 'en', 'a-b', '/en/statii/a-b.html'],
    ['/{locale}/{slug}', 'bg', 'a/b?c', '/bg/a%2Fb%3Fc'],
    ['/{locale}/{slug}', 'zh-Hans', 'x', '/zh-Hans/x'],
  ])('fills %s with locale %s and slug %s as %s', (pattern, locale, slug, expected) => {
    expect(articlePath(pattern, locale, slug)).toBe(expected);
  });
});
