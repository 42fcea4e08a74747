import { correctionsChanged, prepareCorrections } from '../correction-notes';

const NOW = new Date('2026-12-02T08:00:00.000Z');

describe('prepareCorrections', () => {
  test.each([
    ['no notes', [], []],
    ['an undated note gets the moment of the save', [{ note: 'a' }], [{ note: 'a', date: NOW.toISOString() }]],
    ['a blank date counts as none', [{ note: 'a', date: ' ' }], [{ note: 'a', date: NOW.toISOString() }]],
    ['dates are stored as UTC ISO', [{ note: 'a', date: '2026-12-01T12:00:00+02:00' }], [{ note: 'a', date: '2026-12-01T10:00:00.000Z' }]],
    [
      'oldest first',
      [
        { note: 'new', date: '2026-12-01T10:00:00.000Z' },
        { note: 'old', date: '2026-11-30T10:00:00.000Z' },
      ],
      [
        { note: 'old', date: '2026-11-30T10:00:00.000Z' },
        { note: 'new', date: '2026-12-01T10:00:00.000Z' },
      ],
    ],
    [
      'the same moment keeps the editor’s order',
      [
        { note: 'first', date: '2026-12-01T10:00:00.000Z' },
        { note: 'second', date: '2026-12-01T10:00:00.000Z' },
      ],
      [
        { note: 'first', date: '2026-12-01T10:00:00.000Z' },
        { note: 'second', date: '2026-12-01T10:00:00.000Z' },
      ],
    ],
    [
      'an undated note added last sorts after dated past ones',
      [{ note: 'now' }, { note: 'past', date: '2026-12-01T10:00:00.000Z' }],
      [
        { note: 'past', date: '2026-12-01T10:00:00.000Z' },
        { note: 'now', date: NOW.toISOString() },
      ],
    ],
    [
      'other keys (the component id) are kept',
      [{ id: 7, note: 'a', date: '2026-12-01T10:00:00.000Z' }],
      [{ id: 7, note: 'a', date: '2026-12-01T10:00:00.000Z' }],
    ],
  ])('%s', (_name, notes, expected) => {
    expect(prepareCorrections(notes as never[], NOW)).toEqual(expected);
  });

  test('a malformed date throws instead of becoming now', () => {
    expect(() => prepareCorrections([{ note: 'a', date: '32.13.2026' }], NOW)).toThrow(/correction date is not a valid date/);
  });

  test.each([[{ note: '' }], [{ note: '   ' }], [{ note: null }], [{ date: '2026-12-01T10:00:00.000Z' }]])('a note without text (%j) throws', (note) => {
    expect(() => prepareCorrections([{ note: 'a' }, note], NOW)).toThrow(/every correction needs its text/);
  });
});

describe('correctionsChanged', () => {
  const one = [{ id: 1, note: 'Поправена е годината.', date: '2026-12-01T10:00:00.000Z' }];
  test.each([
    ['the write leaves the notes alone', one, undefined, false],
    ['same notes re-sent without ids', one, [{ note: 'Поправена е годината.', date: '2026-12-01T10:00:00.000Z' }], false],
    ['same date as a Date object', one, [{ note: 'Поправена е годината.', date: new Date('2026-12-01T10:00:00.000Z') }], false],
    ['a note added', one, [...one, { note: 'Още една.', date: '2026-12-02T10:00:00.000Z' }], true],
    ['a note reworded (same id)', one, [{ id: 1, note: 'Поправено е името.', date: '2026-12-01T10:00:00.000Z' }], true],
    ['a note removed', one, [], true],
    ['a note re-dated', one, [{ id: 1, note: 'Поправена е годината.', date: '2026-12-01T11:00:00.000Z' }], true],
    ['first notes on a story', null, one, true],
    ['none before, none after', null, [], false],
  ])('%s → %s', (_name, before, after, expected) => {
    expect(correctionsChanged(before, after as never)).toBe(expected);
  });
});
