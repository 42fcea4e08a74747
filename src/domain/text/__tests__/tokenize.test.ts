import { segmentWords, stripAccents, tokenize, wordSpans } from '../tokenize';

describe('tokenize', () => {
  test.each<[string, string, string[]]>([
    ['splits on spaces and drops punctuation', 'Тереза Мей, премиер.', ['тереза', 'мей', 'премиер']],
    ['drops Bulgarian quotes „…“', '„Брекзит“ и „Северен поток 2“', ['брекзит', 'и', 'северен', 'поток', '2']],
    ['drops English and guillemet quotes', '"Brexit" «deal»', ['brexit', 'deal']],
    ['splits hyphenated words', 'по-близко приятелство', ['по', 'близко', 'приятелство']],
    ['splits COVID-19 into word and number', 'COVID-19', ['covid', '19']],
    ['keeps a decimal number as one token', 'ръст от 3,0%', ['ръст', 'от', '30']],
    ['drops dashes and ellipses', 'Мей – отново… днес', ['мей', 'отново', 'днес']],
    ['lower-cases Cyrillic capitals', 'ЖЕЗЪЛ БЪЛГАРИЯ', ['жезъл', 'българия']],
    ['reads ѝ as и', 'каза ѝ', ['каза', 'и']],
    ['keeps й', 'край Йордан', ['край', 'йордан']],
    ['drops stress marks', 'въ̀лна', ['вълна']],
    ['handles English possessives and apostrophes', "Trump’s team doesn't", ['trump', 'team', 'doesnt']],
    ['mixes scripts', 'iPhone 17 в София', ['iphone', '17', 'в', 'софия']],
    ['returns nothing for punctuation only', ' … — !? ', []],
    ['returns nothing for an empty string', '', []],
  ])('%s', (_name, text, expected) => {
    expect(tokenize(text, 'bg')).toEqual(expected);
  });

  test('works for English', () => {
    expect(tokenize('The U.K. left the E.U. on 31 January.', 'en')).toEqual(['the', 'uk', 'left', 'the', 'eu', 'on', '31', 'january']);
  });

  test.each(['bg', 'bg-BG', 'en', 'en-GB', 'de', 'xx-invalid-tag-!!'])('does not throw for locale %s', (locale) => {
    expect(tokenize('Ново споразумение за Брекзит', locale)).toHaveLength(4);
  });
});

describe('stripAccents', () => {
  test.each<[string, string]>([
    ['ѝ', 'и'],
    ['Ѝ', 'И'],
    ['й', 'й'],
    ['ё', 'ё'],
    ['café', 'cafe'],
    ['въ̀лна', 'вълна'],
  ])('%s → %s', (input, expected) => {
    expect(stripAccents(input)).toBe(expected);
  });
});

describe('wordSpans', () => {
  test('finds the words segmentWords finds, with their offsets and tokens', () => {
    const text = 'По-близко до „Брекзит“: 3,0 млрд., т.е. Trump’s don’t ѝ.';
    const spans = wordSpans(text, 'bg');
    const words = segmentWords(text, 'bg').filter((segment) => segment.token !== null);
    expect(spans.map((span) => span.token)).toEqual(words.map((word) => word.token));
    expect(spans.map((span) => span.start)).toEqual(words.map((word) => word.start));
    expect(spans.every((span) => text.slice(span.start, span.end).length > 0)).toBe(true);
  });
});
