import { DEFAULT_RELATED_WEIGHTS, recencyDecay, relevanceOf, scoreFromRelevance, tagOverlap, termCosine } from '../score';
import type { RelatedFeatures, RelatedWeights } from '../score';
import { featuresOf } from './fixtures';

const NOW = new Date('2025-12-01T12:00:00.000Z');
const NO_RECENCY: RelatedWeights = { ...DEFAULT_RELATED_WEIGHTS, recency: 0 };

/** The score `rankRelated` gives a candidate: its stored relevance, decayed as of `now`. */
const scoreCandidate = (target: RelatedFeatures, candidate: RelatedFeatures, weights: RelatedWeights, now: Date) =>
  scoreFromRelevance(relevanceOf(target, candidate, weights), candidate.publicationDate, weights, now);

describe('the ranking score (relevanceOf, then scoreFromRelevance)', () => {
  test('a story on the same event scores above one on another event', () => {
    const target = featuresOf('brexitDeal');
    const sameEvent = scoreCandidate(target, featuresOf('brexitVote'), DEFAULT_RELATED_WEIGHTS, NOW);
    const otherEvent = scoreCandidate(target, featuresOf('vaccine'), DEFAULT_RELATED_WEIGHTS, NOW);
    expect(sameEvent).toBeGreaterThan(otherEvent);
  });

  test.each<[string, Parameters<typeof featuresOf>[1], Parameters<typeof featuresOf>[1]]>([
    ['text only', {}, {}],
    ['shared tags', { tags: ['брекзит', 'великобритания'] }, { tags: ['Брекзит'] }],
    ['same section and agency', { section: 'Свят', agency: 'БТА' }, { section: 'свят', agency: 'БТА' }],
  ])('is symmetric when recency is off (%s)', (_name, a, b) => {
    const left = featuresOf('brexitDeal', a);
    const right = featuresOf('brexitTrade', b);
    expect(scoreCandidate(left, right, NO_RECENCY, NOW)).toBeCloseTo(scoreCandidate(right, left, NO_RECENCY, NOW), 12);
  });

  test.each<[string, Parameters<typeof featuresOf>[1]]>([
    ['a shared tag', { tags: ['брекзит'] }],
    ['the same section', { section: 'Свят' }],
    ['the same agency', { agency: 'БТА' }],
  ])('%s raises the score', (_name, shared) => {
    const target = featuresOf('brexitDeal', shared);
    const plain = scoreCandidate(target, featuresOf('brexitTrade'), DEFAULT_RELATED_WEIGHTS, NOW);
    const boosted = scoreCandidate(target, featuresOf('brexitTrade', shared), DEFAULT_RELATED_WEIGHTS, NOW);
    expect(boosted).toBeGreaterThan(plain);
  });

  test('a newer story beats an equally similar older one', () => {
    const target = featuresOf('brexitDeal');
    const newer = featuresOf('brexitVote', { publicationDate: '2025-11-30T12:00:00.000Z' });
    const older = featuresOf('brexitVote', { publicationDate: '2025-06-01T12:00:00.000Z' });
    expect(scoreCandidate(target, newer, DEFAULT_RELATED_WEIGHTS, NOW)).toBeGreaterThan(scoreCandidate(target, older, DEFAULT_RELATED_WEIGHTS, NOW));
  });

  test('age never makes an unrelated story related', () => {
    const target = featuresOf('brexitDeal', { terms: [{ term: 'брекзит', weight: 1 }] });
    const fresh = featuresOf('pipeline', {
      terms: [{ term: 'газопровод', weight: 1 }],
      publicationDate: NOW.toISOString(),
    });
    expect(scoreCandidate(target, fresh, DEFAULT_RELATED_WEIGHTS, NOW)).toBe(0);
  });

  test('recency keeps at least (1 - recency) of the relevance', () => {
    const target = featuresOf('brexitDeal');
    const ancient = featuresOf('brexitVote', { publicationDate: '1990-01-01T00:00:00.000Z' });
    const fresh = featuresOf('brexitVote', { publicationDate: NOW.toISOString() });
    const ratio = scoreCandidate(target, ancient, DEFAULT_RELATED_WEIGHTS, NOW) / scoreCandidate(target, fresh, DEFAULT_RELATED_WEIGHTS, NOW);
    expect(ratio).toBeCloseTo(1 - DEFAULT_RELATED_WEIGHTS.recency, 6);
  });

  test.each(['', 'not a date', '2025-13-45'])('an unreadable date (%j) gives a finite score', (publicationDate) => {
    const score = scoreCandidate(featuresOf('brexitDeal'), featuresOf('brexitVote', { publicationDate }), DEFAULT_RELATED_WEIGHTS, NOW);
    expect(Number.isFinite(score)).toBe(true);
    expect(score).toBeGreaterThan(0);
  });
});

describe('termCosine', () => {
  test.each<[string, Array<{ term: string; weight: number }>, Array<{ term: string; weight: number }>, number]>([
    ['identical', [{ term: 'a', weight: 1 }], [{ term: 'a', weight: 1 }], 1],
    ['disjoint', [{ term: 'a', weight: 1 }], [{ term: 'b', weight: 1 }], 0],
    [
      'half overlap',
      [
        { term: 'a', weight: Math.SQRT1_2 },
        { term: 'b', weight: Math.SQRT1_2 },
      ],
      [{ term: 'a', weight: 1 }],
      Math.SQRT1_2,
    ],
    ['empty', [], [{ term: 'a', weight: 1 }], 0],
  ])('%s', (_name, a, b, expected) => {
    expect(termCosine(a, b)).toBeCloseTo(expected, 10);
    expect(termCosine(b, a)).toBeCloseTo(expected, 10);
  });
});

describe('tagOverlap', () => {
  test.each<[string[], string[], number]>([
    [['брекзит'], ['Брекзит'], 1],
    [['брекзит', 'лондон'], ['брекзит'], 1 / Math.SQRT2],
    [['брекзит'], ['ваксини'], 0],
    [[], ['брекзит'], 0],
    [[' ', ''], [' '], 0],
  ])('%j vs %j', (a, b, expected) => {
    expect(tagOverlap(a, b)).toBeCloseTo(expected, 10);
  });
});

describe('recencyDecay', () => {
  test.each<[string, number]>([
    ['2025-12-01T12:00:00.000Z', 1],
    ['2025-12-02T12:00:00.000Z', 1],
    ['2025-10-02T12:00:00.000Z', 0.25],
    ['garbage', 0],
  ])('%s → %s with a 30-day half-life', (date, expected) => {
    expect(recencyDecay(date, NOW, 30)).toBeCloseTo(expected, 6);
  });
});
