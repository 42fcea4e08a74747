import { isEmbargoed } from '../embargo';

const NOW = new Date('2025-12-22T09:30:00.000Z');

describe('isEmbargoed', () => {
  test.each([
    ['one millisecond in the future', '2025-12-22T09:30:00.001Z', true],
    ['a day in the future', '2025-12-23T09:30:00Z', true],
    ['a future Date object', new Date('2026-01-01T00:00:00Z'), true],
    ['exactly now (released at the instant)', '2025-12-22T09:30:00.000Z', false],
    ['the same instant written with an offset', '2025-12-22T11:30:00+02:00', false],
    ['in the past', '2025-12-22T09:29:59.999Z', false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['a blank string', '  ', false],
  ])('%s → %s', (_label, date, expected) => {
    expect(isEmbargoed(date, NOW)).toBe(expected);
  });

  test('throws on a malformed date instead of releasing the story', () => {
    expect(() => isEmbargoed('22.12.2025', NOW)).toThrow(RangeError);
  });
});
