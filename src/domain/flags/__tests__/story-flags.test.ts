import { activeFlags, isFlagActive, parseStoryFlag } from '../story-flags';

const AT = new Date('2026-12-02T08:00:00.000Z');
const BEFORE = '2026-12-02T07:59:59.999Z';
const AFTER = '2026-12-02T08:00:00.001Z';

describe('isFlagActive', () => {
  test.each([
    ['on, no end', true, null, true],
    ['on, end ahead', true, AFTER, true],
    ['on, end passed', true, BEFORE, false],
    ['on, end exactly now (ended)', true, AT.toISOString(), false],
    ['off, end ahead', false, AFTER, false],
    ['off, no end', false, null, false],
    ['SQLite true (1), end ahead as epoch ms', 1, Date.parse(AFTER), true],
    ['SQLite false (0)', 0, null, false],
    ['null flag', null, null, false],
    ['unparseable end counts as none', true, 'not a date', true],
  ])('%s → %s', (_name, on, until, expected) => {
    expect(isFlagActive(on, until as string | number | null, AT)).toBe(expected);
  });
});

describe('activeFlags', () => {
  test.each([
    [{}, []],
    [{ breaking: true }, ['breaking']],
    [{ featured: true, featuredUntil: AFTER }, ['featured']],
    [{ breaking: true, breakingUntil: BEFORE, featured: true }, ['featured']],
    [{ breaking: true, breakingUntil: AFTER, featured: true, featuredUntil: AFTER }, ['breaking', 'featured']],
    [{ breaking: false, breakingUntil: AFTER }, []],
  ])('%j → %j', (values, expected) => {
    expect(activeFlags(values, AT)).toEqual(expected);
  });
});

describe('parseStoryFlag', () => {
  test.each([
    ['breaking', 'breaking'],
    ['featured', 'featured'],
    ['Breaking', null],
    ['', null],
    [['breaking'], null],
    [undefined, null],
    ['urgent', null],
  ])('%j → %j', (value, expected) => {
    expect(parseStoryFlag(value)).toBe(expected);
  });
});
