import { DEFAULT_RELATED_WEIGHTS, relevanceOf } from '../score';
import type { RelatedFeatures } from '../score';
import { rankRelated, rankScored } from '../rank-related';
import { featuresOf } from './fixtures';

const NOW = new Date('2025-12-01T12:00:00.000Z');
const OPTIONS = { weights: DEFAULT_RELATED_WEIGHTS, now: NOW, limit: 5 };
const ids = (list: Array<{ documentId: string }>): string[] => list.map((item) => item.documentId);

describe('rankRelated', () => {
  const target = featuresOf('brexitDeal');
  const pool: RelatedFeatures[] = [
    featuresOf('brexitTrade'),
    featuresOf('brexitVote'),
    featuresOf('vaccine'),
    featuresOf('vaccineOther'),
    featuresOf('pipeline'),
  ];

  test('ranks stories of the same event first', () => {
    const ranked = ranked5(pool);
    expect(ids(ranked).slice(0, 2).sort()).toEqual(['brexitTrade', 'brexitVote']);
    const scores = ranked.map((item) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test('leaves out the target itself', () => {
    expect(ids(ranked5([target, ...pool]))).not.toContain('brexitDeal');
  });

  test('leaves out other locales', () => {
    const english = featuresOf('brexitVote', { documentId: 'en-vote', locale: 'en' });
    expect(ids(ranked5([...pool, english]))).not.toContain('en-vote');
  });

  test('drops a near-duplicate of the target', () => {
    expect(ids(ranked5([...pool, featuresOf('brexitDealCopy')]))).not.toContain('brexitDealCopy');
  });

  test('collapses near-duplicates among candidates to the best-scoring copy', () => {
    const copyA = featuresOf('vaccine', { documentId: 'copy-a', tags: ['ваксини'] });
    const copyB = featuresOf('vaccine', { documentId: 'copy-b', agency: 'БТА' });
    const withTags = featuresOf('brexitDeal', { tags: ['ваксини'] });
    const ranked = rankRelated(withTags, [copyB, copyA, featuresOf('vaccineOther')], OPTIONS);
    expect(ids(ranked)).toContain('copy-a');
    expect(ids(ranked)).not.toContain('copy-b');
  });

  test('a collapsed copy makes room for the next distinct story', () => {
    const copies = [1, 2, 3].map((n) => featuresOf('brexitVote', { documentId: `vote-${n}` }));
    const ranked = rankRelated(target, [...copies, featuresOf('brexitTrade')], {
      ...OPTIONS,
      limit: 2,
    });
    expect(ids(ranked)).toEqual(['vote-1', 'brexitTrade']);
  });

  test('breaks score ties by newer date, then by documentId', () => {
    const older = featuresOf('brexitVote', {
      documentId: 'a-older',
      publicationDate: '2025-11-01T00:00:00.000Z',
      fingerprint: 'mh1:',
    });
    const newer = featuresOf('brexitVote', {
      documentId: 'z-newer',
      publicationDate: '2025-11-02T00:00:00.000Z',
      fingerprint: 'mh1:',
    });
    const twinB = featuresOf('brexitVote', {
      documentId: 'twin-b',
      publicationDate: '2025-10-01T00:00:00.000Z',
      fingerprint: 'mh1:',
    });
    const twinA = featuresOf('brexitVote', {
      documentId: 'twin-a',
      publicationDate: '2025-10-01T00:00:00.000Z',
      fingerprint: 'mh1:',
    });
    const noRecency = { ...OPTIONS, weights: { ...DEFAULT_RELATED_WEIGHTS, recency: 0 } };
    expect(ids(rankRelated(target, [twinB, older, twinA, newer], noRecency))).toEqual(['z-newer', 'a-older', 'twin-a', 'twin-b']);
  });

  test('gives the same list whatever the candidate order', () => {
    const expected = ranked5(pool);
    for (const shuffled of [[...pool].reverse(), [pool[2], pool[0], pool[4], pool[1], pool[3]]]) {
      expect(ranked5(shuffled as RelatedFeatures[])).toEqual(expected);
    }
  });

  test.each([0, 1, 2, 3])('returns at most limit=%i items', (limit) => {
    expect(rankRelated(target, pool, { ...OPTIONS, limit }).length).toBeLessThanOrEqual(limit);
    expect(rankRelated(target, pool, { ...OPTIONS, limit })).toHaveLength(Math.min(limit, ranked5(pool).length));
  });

  test.each([Number.NaN, -1])('returns nothing for limit=%s', (limit) => {
    expect(rankRelated(target, pool, { ...OPTIONS, limit })).toEqual([]);
  });

  test('an infinite limit returns every distinct related story', () => {
    expect(rankRelated(target, pool, { ...OPTIONS, limit: Number.POSITIVE_INFINITY })).toEqual(rankRelated(target, pool, { ...OPTIONS, limit: 100 }));
  });

  test('leaves out candidates with nothing in common', () => {
    const unrelated = featuresOf('pipeline', { terms: [{ term: 'нищообщо', weight: 1 }] });
    expect(rankRelated(target, [unrelated], OPTIONS)).toEqual([]);
  });

  test('counts a documentId given twice once', () => {
    expect(ids(ranked5([...pool, ...pool])).length).toBe(new Set(ids(ranked5([...pool, ...pool]))).size);
  });

  test('honours a custom duplicate threshold', () => {
    const strict = rankRelated(target, [featuresOf('brexitDealCopy')], {
      ...OPTIONS,
      duplicateThreshold: 1.01,
    });
    expect(ids(strict)).toEqual(['brexitDealCopy']);
  });

  function ranked5(candidates: RelatedFeatures[]) {
    return rankRelated(target, candidates, OPTIONS);
  }
});

describe('rankScored (re-ranking a stored list with a newcomer)', () => {
  const target = featuresOf('brexitDeal');
  const entry = (features: RelatedFeatures) => ({
    documentId: features.documentId,
    publicationDate: features.publicationDate,
    fingerprint: features.fingerprint,
    relevance: relevanceOf(target, features, DEFAULT_RELATED_WEIGHTS),
  });

  test('gives the same list as rankRelated over the same articles', () => {
    const all = [
      featuresOf('brexitTrade'),
      { ...featuresOf('brexitVote'), publicationDate: '2025-10-01T08:00:00.000Z' },
      featuresOf('brexitDealCopy'),
      featuresOf('vaccine'),
      featuresOf('pipeline'),
    ];
    expect(rankScored(target, all.map(entry), OPTIONS)).toEqual(rankRelated(target, all, OPTIONS));
  });

  test('a stored list plus a newcomer, re-ranked later, equals a fresh ranking', () => {
    const stored = rankRelated(target, [featuresOf('brexitTrade'), featuresOf('vaccine')], OPTIONS);
    const newcomer = featuresOf('brexitVote');
    const later = { ...OPTIONS, now: new Date('2026-01-15T12:00:00.000Z') };
    const byId = new Map([featuresOf('brexitTrade'), featuresOf('vaccine')].map((features) => [features.documentId, features]));
    const entries = stored.map((item) => ({ ...entry(byId.get(item.documentId) as RelatedFeatures), relevance: item.relevance }));
    expect(rankScored(target, [...entries, entry(newcomer)], later)).toEqual(
      rankRelated(target, [featuresOf('brexitTrade'), featuresOf('vaccine'), newcomer], later),
    );
  });

  test('a newcomer that copies a stored story keeps only the better-scoring copy', () => {
    const owner = featuresOf('brexitTrade');
    const asEntry = (features: RelatedFeatures) => ({ ...entry(features), relevance: relevanceOf(owner, features, DEFAULT_RELATED_WEIGHTS) });
    const original = featuresOf('brexitDeal');
    const copy = featuresOf('brexitDealCopy');
    const listed = ids(rankScored(owner, [asEntry(original), asEntry(copy), asEntry(featuresOf('vaccine'))], OPTIONS));
    expect(listed.filter((id) => id === 'brexitDeal' || id === 'brexitDealCopy')).toHaveLength(1);
    expect(listed).toEqual(ids(rankRelated(owner, [original, copy, featuresOf('vaccine')], OPTIONS)));
  });
});
