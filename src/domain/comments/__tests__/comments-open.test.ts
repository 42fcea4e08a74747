import { areCommentsOpen } from '../comments-open';

const NOW = new Date('2025-12-22T09:30:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * DAY).toISOString();

describe('areCommentsOpen', () => {
  test.each<[string, { commentsEnabled?: boolean | null; publicationDate?: string | null }, number, ReturnType<typeof areCommentsOpen>]>([
    ['enabled, fresh article', { commentsEnabled: true, publicationDate: daysAgo(1) }, 30, { open: true }],
    ['disabled by the editor', { commentsEnabled: false, publicationDate: daysAgo(1) }, 30, { open: false, reason: 'Comments are closed for this article.' }],
    [
      'disabled wins over no age limit',
      { commentsEnabled: false, publicationDate: daysAgo(1) },
      0,
      { open: false, reason: 'Comments are closed for this article.' },
    ],
    ['null enabled flag means the schema default (on)', { commentsEnabled: null, publicationDate: daysAgo(1) }, 30, { open: true }],
    ['missing enabled flag means the schema default (on)', { publicationDate: daysAgo(1) }, 30, { open: true }],
    ['one millisecond before the limit', { publicationDate: new Date(NOW.getTime() - 30 * DAY + 1).toISOString() }, 30, { open: true }],
    ['exactly at the limit', { publicationDate: daysAgo(30) }, 30, { open: false, reason: 'Comments close 30 days after publication.' }],
    ['past the limit', { publicationDate: daysAgo(400) }, 30, { open: false, reason: 'Comments close 30 days after publication.' }],
    ['a 1-day limit', { publicationDate: daysAgo(2) }, 1, { open: false, reason: 'Comments close 1 day after publication.' }],
    ['no limit with maxAgeDays 0', { publicationDate: daysAgo(4000) }, 0, { open: true }],
    ['no publication date', { commentsEnabled: true, publicationDate: null }, 30, { open: true }],
    ['an embargoed article', { publicationDate: '2025-12-23T00:00:00.000Z' }, 30, { open: false, reason: 'Comments open when the article is published.' }],
    ['published at this very instant', { publicationDate: NOW.toISOString() }, 30, { open: true }],
  ])('%s', (_label, article, maxAgeDays, expected) => {
    expect(areCommentsOpen(article, NOW, maxAgeDays)).toEqual(expected);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects maxAgeDays %p', (maxAgeDays) => {
    expect(() => areCommentsOpen({ publicationDate: daysAgo(1) }, NOW, maxAgeDays)).toThrow(RangeError);
  });

  test('rejects a malformed publication date', () => {
    expect(() => areCommentsOpen({ publicationDate: 'вчера' }, NOW, 30)).toThrow(RangeError);
  });
});
