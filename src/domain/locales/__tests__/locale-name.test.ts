import { bulgarianLocaleName, englishLocaleName } from '../locale-name';

describe('bulgarianLocaleName', () => {
  test.each([
    ['bg', 'Български'],
    ['en', 'Английски'],
    ['de', 'Немски'],
    ['ru', 'Руски'],
    ['mk', 'Македонски'],
  ])('%s → %s', (code, name) => {
    expect(bulgarianLocaleName(code)).toBe(name);
  });
});

describe('englishLocaleName', () => {
  test.each([
    ['bg', 'Bulgarian (bg)'],
    ['en', 'English (en)'],
  ])('%s → %s (what Strapi names a new locale)', (code, name) => {
    expect(englishLocaleName(code)).toBe(name);
  });
});
