import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, parseSearchQuery } from '../parse-search-query';
import { KEY_PREFIX } from '../search-terms';

describe('parseSearchQuery', () => {
  test.each([
    [undefined, /required/],
    ['', /required/],
    ['   ', /at least 2/],
    ['а', /at least 2/],
    ['x'.repeat(MAX_QUERY_LENGTH + 1), /at most 200/],
    [['a', 'b'], /single string/],
    [{ $ne: 1 }, /single string/],
  ])('%p is refused with a message', (raw, message) => {
    const parsed = parseSearchQuery(raw, 'bg');
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.message).toMatch(message);
  });

  test.each(['и на за от', '"" ** ()', '2024 2025', ': - + ^'])('%p leaves nothing to look for', (raw) => {
    expect(parseSearchQuery(raw, 'bg')).toEqual({ kind: 'nothing', words: [] });
  });

  test('Cyrillic words are stemmed; stop words drop out', () => {
    const parsed = parseSearchQuery('Северния поток и газа', 'bg');
    expect(parsed.kind === 'words' && parsed.words.map((word) => word.alternatives)).toEqual([['северн'], ['потоц'], ['газ']]);
  });

  test('Latin words ask for the exact term or its Latin keys', () => {
    const parsed = parseSearchQuery('putin', 'bg');
    const alternatives = parsed.kind === 'words' ? (parsed.words[0]?.alternatives ?? []) : [];
    expect(alternatives.slice(0, 2)).toEqual(['putin', `${KEY_PREFIX}putin`]);
    expect(alternatives.slice(2).every((term) => term.startsWith(KEY_PREFIX))).toBe(true);
  });

  test('English queries get no Latin keys', () => {
    const parsed = parseSearchQuery('putin', 'en');
    expect(parsed.kind === 'words' && parsed.words[0]?.alternatives).toEqual(['putin']);
  });

  test('FTS operators and syntax are words or nothing', () => {
    const parsed = parseSearchQuery('NEAR("путин" OR ким*) title: NOT body:text', 'bg');
    // A colon between letters does not split a word (UAX #29 MidLetter): "body:text" is one token.
    expect(parsed.kind === 'words' && parsed.words.map((word) => word.token)).toEqual(['near', 'путин', 'or', 'ким', 'title', 'not', 'bodytext']);
  });

  test(`keeps at most ${MAX_QUERY_WORDS} words, each once`, () => {
    const parsed = parseSearchQuery(Array.from({ length: 30 }, (_, i) => `д${i}`).join(' '), 'bg');
    expect(parsed.kind === 'words' && parsed.words.length).toBe(MAX_QUERY_WORDS);
    const repeated = parseSearchQuery('поток поток поток', 'bg');
    expect(repeated.kind === 'words' && repeated.words.length).toBe(1);
  });
});
