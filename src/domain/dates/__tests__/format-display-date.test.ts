import { formatDisplayDate, parseDisplayDateStyle } from '../format-display-date';

/** Some ICU builds put a no-break space before "г."; the tests are about content, not that choice. */
const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDisplayDate: house style for bg', () => {
  test.each([
    ['a morning instant', '2025-12-22T09:30:00Z', '22 Декември, 2025'],
    ['late evening UTC that is already New Year in Sofia', '2025-12-31T22:30:00Z', '1 Януари, 2026'],
    ['an instant just before midnight in Sofia (winter, UTC+2)', '2025-12-31T21:59:59Z', '31 Декември, 2025'],
    ['the night of the March change, before it (UTC+2)', '2026-03-29T00:30:00Z', '29 Март, 2026'],
    ['the evening after the March change (UTC+3 → next day)', '2026-03-29T21:30:00Z', '30 Март, 2026'],
    ['the evening before the October change, still UTC+3', '2026-10-24T21:30:00Z', '25 Октомври, 2026'],
    ['the last minute of 25 October, already UTC+2', '2026-10-25T21:59:00Z', '25 Октомври, 2026'],
    ['the first minute of 26 October (UTC+2)', '2026-10-25T22:00:00Z', '26 Октомври, 2026'],
  ])('%s: %s → %s', (_label, instant, expected) => {
    expect(formatDisplayDate(instant, 'bg')).toBe(expected);
  });

  test('accepts a Date as well as an ISO string', () => {
    expect(formatDisplayDate(new Date('2025-12-22T09:30:00Z'), 'bg')).toBe('22 Декември, 2025');
  });

  test.each(['bg', 'bg-BG', 'BG-bg'])('treats %s as Bulgarian', (locale) => {
    expect(formatDisplayDate('2025-12-22T09:30:00Z', locale)).toBe('22 Декември, 2025');
  });

  test('honours another time zone', () => {
    expect(formatDisplayDate('2025-12-31T22:30:00Z', 'bg', 'house', 'UTC')).toBe('31 Декември, 2025');
  });

  // Each month is checked against the CLDR lower-case name, so the expectation is not itself
  // a hand-written month table: only the capital letter and the comma are house style.
  const cldrMonth = new Intl.DateTimeFormat('bg-BG', { month: 'long', timeZone: 'Europe/Sofia' });
  test.each(Array.from({ length: 12 }, (_, month) => month))('month %i is capitalised CLDR', (month) => {
    const instant = new Date(Date.UTC(2025, month, 15, 9, 0));
    const lower = cldrMonth.format(instant);
    expect(lower).toBe(lower.toLocaleLowerCase('bg'));
    const expected = `15 ${lower.charAt(0).toLocaleUpperCase('bg')}${lower.slice(1)}, 2025`;
    expect(formatDisplayDate(instant, 'bg')).toBe(expected);
  });

  test.each([
    [0, 'Януари'],
    [1, 'Февруари'],
    [2, 'Март'],
    [3, 'Април'],
    [4, 'Май'],
    [5, 'Юни'],
    [6, 'Юли'],
    [7, 'Август'],
    [8, 'Септември'],
    [9, 'Октомври'],
    [10, 'Ноември'],
    [11, 'Декември'],
  ])('month %i reads %s (spot check of the output readers see)', (month, name) => {
    expect(formatDisplayDate(new Date(Date.UTC(2025, month, 1, 12)), 'bg')).toBe(`1 ${name}, 2025`);
  });
});

describe('formatDisplayDate: CLDR long date', () => {
  test.each([
    ['bg', 'cldr', '2025-12-22T09:30:00Z', '22 декември 2025 г.'],
    ['bg', 'cldr', '2025-12-31T22:30:00Z', '1 януари 2026 г.'],
    ['en', 'cldr', '2025-12-22T09:30:00Z', 'December 22, 2025'],
    ['en', 'house', '2025-12-22T09:30:00Z', 'December 22, 2025'],
    ['en', 'house', '2025-12-31T22:30:00Z', 'January 1, 2026'],
    ['de', 'house', '2025-12-22T09:30:00Z', '22. Dezember 2025'],
  ] as const)('%s / %s: %s → %s', (locale, style, instant, expected) => {
    expect(plainSpaces(formatDisplayDate(instant, locale, style))).toBe(expected);
  });
});

describe('formatDisplayDate: invalid input', () => {
  test.each([
    ['an unparseable string', 'not a date'],
    ['an empty string', ''],
    ['an impossible date', '2025-13-45T00:00:00Z'],
    ['an invalid Date', new Date(Number.NaN)],
  ])('throws a RangeError for %s', (_label, input) => {
    expect(() => formatDisplayDate(input, 'bg')).toThrow(RangeError);
    expect(() => formatDisplayDate(input, 'bg')).toThrow(/not a valid date/);
  });

  test('throws a RangeError for an unknown time zone', () => {
    expect(() => formatDisplayDate('2025-12-22T09:30:00Z', 'bg', 'house', 'Mars/Olympus')).toThrow(RangeError);
  });

  test('throws a RangeError for a malformed locale', () => {
    expect(() => formatDisplayDate('2025-12-22T09:30:00Z', 'not a locale!')).toThrow(RangeError);
  });
});

describe('parseDisplayDateStyle', () => {
  test.each([
    [undefined, 'house'],
    ['', 'house'],
    ['  ', 'house'],
    ['house', 'house'],
    ['cldr', 'cldr'],
    [' CLDR ', 'cldr'],
  ])('%p → %s', (value, expected) => {
    expect(parseDisplayDateStyle(value)).toBe(expected);
  });

  test.each(['long', 'bg', 'houses'])('rejects %p', (value) => {
    expect(() => parseDisplayDateStyle(value)).toThrow(/Unknown display date style/);
  });
});
