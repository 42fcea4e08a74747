import { normaliseText } from '../normalise-text';

const PROBLEM = 'contains an unpaired UTF-16 surrogate (such as \\uD800), which is not a character';

describe('normaliseText', () => {
  test.each([
    ['plain Cyrillic stays as it is', 'Добра статия.', 'Добра статия.'],
    ['и + combining breve becomes й', 'Стоя\u0438\u0306', 'Стояй'],
    ['е + combining grave becomes ѐ', '\u0435\u0300', '\u0450'],
    ['a Latin letter with a combining acute is composed', 'Cafe\u0301', 'Café'],
    ['already composed text is unchanged', 'Café й', 'Café й'],
    ['an emoji (a surrogate pair) is kept', 'Браво 😀', 'Браво 😀'],
    ['a flag (two pairs) is kept', '🇧🇬', '🇧🇬'],
    ['a combining mark with nothing to join stays', '\u0306а', '\u0306а'],
    ['U+FFFD typed on purpose is a character like any other', 'a\uFFFDb', 'a\uFFFDb'],
    ['the empty string', '', ''],
  ])('%s', (_label, input, expected) => {
    expect(normaliseText(input)).toEqual({ ok: true, text: expected });
  });

  test('its output is NFC', () => {
    const result = normaliseText('Андре\u0301й и\u0306');
    expect(result.ok && result.text === result.text.normalize('NFC')).toBe(true);
  });

  test.each([
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', '\uDFFF'],
    ['a high surrogate at the end of text', 'Текст\uD83D'],
    ['a low surrogate at the start', '\uDE00Текст'],
    ['a pair in the wrong order', '\uDE00\uD83D'],
    ['two high surrogates in a row', '\uD83D\uD83D\uDE00'],
    ['a lone surrogate next to a valid emoji', '😀\uDC00'],
    ['a lone surrogate from JSON.parse', JSON.parse('"\\ud800"') as string],
  ])('refuses %s', (_label, input) => {
    expect(normaliseText(input)).toEqual({ ok: false, problem: PROBLEM });
  });
});
