import { parseDateBound } from '../date-bounds';
import { recencyFactor, SEARCH_RECENCY_DEFAULTS } from '../recency';

describe('parseDateBound', () => {
  test.each([
    ['2025-12-22', 'from', '2025-12-22T00:00:00.000Z'],
    ['2025-12-22', 'to', '2025-12-23T00:00:00.000Z'],
    ['2025-12-22T10:00:00Z', 'from', '2025-12-22T10:00:00.000Z'],
    ['2025-12-22T12:00:00+02:00', 'to', '2025-12-22T10:00:00.001Z'],
  ] as const)('%s as %s → %s', (text, side, iso) => {
    expect(parseDateBound(text, side)?.toISOString()).toBe(iso);
  });

  test.each(['yesterday', '2025-13-01', '22.12.2025', '2025-12-22T10:00', '-271821-04-20', '1e9'])('%s is not a bound', (text) => {
    expect(parseDateBound(text, 'from')).toBeNull();
  });
});

describe('recencyFactor', () => {
  const settings = SEARCH_RECENCY_DEFAULTS;
  test.each([
    [0, 1.3],
    [30, 1.15],
    [-5, 1.3],
  ])('%d days old → %d', (age, factor) => {
    expect(recencyFactor(age, settings)).toBeCloseTo(factor, 10);
  });
  test('tends to 1 and never lifts an old story above a fresh one of equal relevance', () => {
    expect(recencyFactor(100_000, settings)).toBeCloseTo(1, 3);
    expect(recencyFactor(10, settings)).toBeGreaterThan(recencyFactor(20, settings));
    expect(recencyFactor(10, { boost: 0, halfLifeDays: 30 })).toBe(1);
  });
});
