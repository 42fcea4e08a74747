import { actionLocales } from '../action-locales';

describe('actionLocales', () => {
  test.each<[string, unknown, string[]]>([
    ['no locale → the default locale only (what Strapi deletes)', undefined, ['bg']],
    ['null → the default locale only', null, ['bg']],
    ['empty string → the default locale only', '', ['bg']],
    ['one locale → that one, even when it does not exist', 'de', ['de']],
    ['"*" → every existing variant, sorted and once', '*', ['bg', 'en']],
    ['an array → its locales, sorted and once', ['en', 'bg', 'en'], ['bg', 'en']],
  ])('%s', (_name, requested, expected) => {
    expect(actionLocales(requested, 'bg', ['en', 'bg', 'en'])).toEqual(expected);
  });
});
