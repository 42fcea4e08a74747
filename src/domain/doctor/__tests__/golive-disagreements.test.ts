import { goLiveDisagreements, type GoLiveMoment, type PublishedArticleVariant } from '../golive-disagreements';

const NOW = new Date('2026-06-01T10:00:00Z');
const LATER = new Date('2026-06-02T07:00:00Z');
const EARLIER = new Date('2026-05-30T07:00:00Z');
const moment = (id: number, documentId: string, goLiveAt: Date, fired = false): GoLiveMoment => ({ id, documentId, locale: 'bg', goLiveAt, fired });
const variant = (documentId: string, publicationDate: Date | null): PublishedArticleVariant => ({ documentId, locale: 'bg', publicationDate });

describe('goLiveDisagreements', () => {
  test.each<[string, GoLiveMoment[], PublishedArticleVariant[], { orphans: number[]; missing: string[] }]>([
    ['an embargoed story with its moment agrees', [moment(1, 'a', LATER)], [variant('a', LATER)], { orphans: [], missing: [] }],
    ['a pending moment of a deleted or unpublished story is an orphan', [moment(2, 'gone', LATER)], [], { orphans: [2], missing: [] }],
    ['a pending moment at a date the story no longer has is an orphan', [moment(3, 'a', EARLIER)], [variant('a', LATER)], { orphans: [3], missing: ['a'] }],
    ['a moment that came due while no instance ran is kept for the worker', [moment(4, 'a', EARLIER)], [variant('a', EARLIER)], { orphans: [], missing: [] }],
    ['fired moments are history, never orphans', [moment(5, 'gone', EARLIER, true)], [], { orphans: [], missing: [] }],
    ['an embargoed story without moment is missing one', [], [variant('b', LATER)], { orphans: [], missing: ['b'] }],
    ['a story published in the past needs none', [], [variant('c', EARLIER), variant('d', null)], { orphans: [], missing: [] }],
  ])('%s', (_name, moments, published, result) => {
    const found = goLiveDisagreements(moments, published, NOW);
    expect(found.orphans.map((row) => row.id)).toEqual(result.orphans);
    expect(found.missing.map((row) => row.documentId)).toEqual(result.missing);
  });
});
