import { decodeRow, encodeRow, instantToIso, type TableSpec } from '../dump-rows';

const SPEC: TableSpec = {
  table: 't',
  columns: { slug: 'text', published: 'boolean', attempts: 'integer', at: 'instant', note: 'text' },
  nullable: ['note'],
};

describe('instantToIso', () => {
  test.each([
    ['a Date (PostgreSQL)', new Date('2026-12-02T10:00:00.000Z'), '2026-12-02T10:00:00.000Z'],
    ['milliseconds (SQLite, bound from a Date)', 1796205600000, '2026-12-02T10:00:00.000Z'],
    ['milliseconds as text', '1796205600000', '2026-12-02T10:00:00.000Z'],
    ['CURRENT_TIMESTAMP text (SQLite default), which is UTC', '2026-12-02 10:00:00', '2026-12-02T10:00:00.000Z'],
    ['an ISO string with a zone', '2026-12-02T12:00:00+02:00', '2026-12-02T10:00:00.000Z'],
  ])('reads %s', (_name, value, expected) => {
    expect(instantToIso(value, 'x')).toBe(expected);
  });

  test.each([
    ['garbage text', 'yesterday'],
    ['a boolean', true],
    ['an object', {}],
  ])('refuses %s', (_name, value) => {
    expect(() => instantToIso(value, 'x')).toThrow(RangeError);
  });
});

describe('encodeRow', () => {
  test.each([
    ['SQLite', { id: 7, slug: 'putin', published: 1, attempts: 0, at: 1796205600000, note: null, claimed_by: 'host:1' }],
    ['PostgreSQL', { id: 9, slug: 'putin', published: true, attempts: '0', at: new Date('2026-12-02T10:00:00.000Z'), note: null, claimed_by: 'host:2' }],
  ])('writes the same portable row from %s, leaving uncarried columns behind', (_name, row) => {
    expect(encodeRow(SPEC, row)).toEqual({ slug: 'putin', published: true, attempts: 0, at: '2026-12-02T10:00:00.000Z', note: null });
  });

  test('refuses an empty value in a column that must have one', () => {
    expect(() => encodeRow(SPEC, { slug: null, published: 0, attempts: 0, at: 0 })).toThrow('t.slug is empty');
  });
});

describe('decodeRow', () => {
  test('gives instants back as Date and keeps the rest', () => {
    const row = decodeRow(SPEC, { slug: 'putin', published: false, attempts: 2, at: '2026-12-02T10:00:00.000Z', note: 'x' }, 0);
    expect(row).toEqual({ slug: 'putin', published: false, attempts: 2, at: new Date('2026-12-02T10:00:00.000Z'), note: 'x' });
  });

  test.each([
    ['not an object', 'putin', /row 1 is not an object/],
    ['an unknown column', { slug: 'a', published: true, attempts: 0, at: '2026-12-02T10:00:00.000Z', id: 1 }, /unknown column\(s\): id/],
    ['a missing column', { published: true, attempts: 0, at: '2026-12-02T10:00:00.000Z' }, /slug is empty/],
    ['a wrong kind', { slug: 'a', published: 'yes', attempts: 0, at: '2026-12-02T10:00:00.000Z' }, /published is not a boolean/],
    ['a fractional integer', { slug: 'a', published: true, attempts: 1.5, at: '2026-12-02T10:00:00.000Z' }, /attempts is not an integer/],
  ])('refuses %s', (_name, row, message) => {
    expect(() => decodeRow(SPEC, row, 0)).toThrow(message);
  });
});
