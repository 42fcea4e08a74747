import { analyze, languageOf } from '../analyze';
import { STOPWORDS_BG } from '../stopwords-bg';
import { STOPWORDS_EN } from '../stopwords-en';

describe('analyze', () => {
  test('drops Bulgarian stop words and stems the rest', () => {
    expect(analyze('Министърът каза, че и той ще бъде там.', 'bg')).toEqual(['министр', 'каз']);
  });

  test.each([
    ['pronouns', 'той тя те ние вие ги им му си се'],
    ['prepositions', 'в във на с със за от до по при към през след пред без срещу'],
    ['conjunctions and particles', 'и или но а че ако когато защото да не ли ще нека дори'],
    ['auxiliaries', 'съм е са бях беше бе бяха бил била били бъде бъдат би бих има няма'],
    ['common adverbs', 'също още вече много тук там сега така отново'],
    ['demonstratives and relatives', 'този тази това тези който която което които'],
  ])('removes Bulgarian %s', (_kind, text) => {
    expect(analyze(text, 'bg')).toEqual([]);
  });

  test.each(['новина', 'година', 'живот', 'екип', 'град', 'време', 'хора', 'страна', 'държава'])(
    'keeps the content word „%s“ (public lists wrongly treat it as a stop word)',
    (word) => {
      expect(STOPWORDS_BG.has(word)).toBe(false);
      expect(analyze(word, 'bg')).toHaveLength(1);
    },
  );

  test.each([
    ['pure numbers', '2019 31 000 3,0', []],
    ['one-letter tokens', 'г. т.е. а б в', []],
    ['numbers inside words stay', 'COVID-19 G7', ['covid', 'g7']],
  ])('handles %s', (_name, text, expected) => {
    expect(analyze(text, 'bg')).toEqual(expected);
  });

  test('keeps Latin-script names in Bulgarian text and stems them as English', () => {
    expect(analyze('Компанията Ryanair отмени полетите', 'bg')).toEqual(['компан', 'ryanair', 'отмн', 'полет']);
  });

  test('drops English stop words and stems English', () => {
    expect(analyze('The votes were counted in all the states', 'en')).toEqual(['vot', 'count', 'stat']);
  });

  test('other locales are handled like English without stemming', () => {
    expect(analyze('The Wahlen und votes', 'de')).toEqual(['wahlen', 'und', 'votes']);
  });

  test.each([
    ['bg', 'bg'],
    ['bg-BG', 'bg'],
    ['EN_gb', 'en'],
    ['', ''],
  ])('languageOf(%s) is %s', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });

  test('the stop-word lists are lower case and free of duplicates by construction', () => {
    for (const word of [...STOPWORDS_BG, ...STOPWORDS_EN]) expect(word).toBe(word.toLocaleLowerCase('bg'));
  });

  test('never throws on odd input', () => {
    const odd = ['', ' ', '\u0000', '🙂', '„“', '-'.repeat(1000), 'а'.repeat(100_000), '\uD800', 'ѝ̀̀̀'];
    for (const text of odd) {
      for (const locale of ['bg', 'en', 'fr', '']) expect(() => analyze(text, locale)).not.toThrow();
    }
  });
});
