import { planGoLive } from '../plan-go-live';

const now = new Date('2026-12-02T10:00:00.000Z');

describe('planGoLive', () => {
  test.each([
    ['a future date is an embargo: go live then', '2026-12-02T12:00:00.000Z', '2026-12-02T12:00:00.000Z'],
    ['a past date went live at publication', '2026-12-01T12:00:00.000Z', null],
    ['the current instant is live now', '2026-12-02T10:00:00.000Z', null],
    ['an empty date is stamped at publication', null, null],
  ])('%s', (_name, publicationDate, expected) => {
    const [plan] = planGoLive([{ locale: 'bg', publicationDate }], now);
    expect(plan.goLiveAt?.toISOString() ?? null).toBe(expected);
  });

  test('plans each locale variant on its own', () => {
    const plans = planGoLive(
      [
        { locale: 'bg', publicationDate: '2026-12-03T00:00:00.000Z' },
        { locale: 'en', publicationDate: '2026-11-01T00:00:00.000Z' },
      ],
      now,
    );
    expect(plans.map((plan) => [plan.locale, plan.goLiveAt !== null])).toEqual([
      ['bg', true],
      ['en', false],
    ]);
  });
});
