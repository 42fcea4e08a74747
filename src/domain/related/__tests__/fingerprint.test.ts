import { fingerprintSimilarity, fingerprintText, isNearDuplicate, NEAR_DUPLICATE_THRESHOLD } from '../fingerprint';
import { TEXTS } from './fixtures';

describe('fingerprintText', () => {
  test('is a short, stable text value', () => {
    const fp = fingerprintText(TEXTS.brexitDeal, 'bg');
    expect(fp).toMatch(/^mh1:[A-Za-z0-9+/]+=*$/u);
    expect(fp.length).toBeLessThan(400);
    expect(fingerprintText(TEXTS.brexitDeal, 'bg')).toBe(fp);
  });

  test('ignores case, punctuation and quotes', () => {
    const a = fingerprintText('„Северен поток 2“ – газопроводът е готов!', 'bg');
    const b = fingerprintText('северен поток 2 газопроводът е готов', 'bg');
    expect(fingerprintSimilarity(a, b)).toBe(1);
  });

  test.each(['', '   ', '…', '—'])('text without words (%j) is similar to nothing', (text) => {
    const empty = fingerprintText(text, 'bg');
    expect(empty).toBe('mh1:');
    expect(fingerprintSimilarity(empty, empty)).toBe(0);
    expect(fingerprintSimilarity(empty, fingerprintText(TEXTS.vaccine, 'bg'))).toBe(0);
  });

  test('a text shorter than one shingle still gets a fingerprint', () => {
    const fp = fingerprintText('Брекзит', 'bg');
    expect(fingerprintSimilarity(fp, fingerprintText('брекзит', 'bg'))).toBe(1);
  });
});

describe('fingerprintSimilarity', () => {
  const fp = (text: string): string => fingerprintText(text, 'bg');

  test.each<[string, string, string, boolean]>([
    ['identical texts', TEXTS.brexitDeal, TEXTS.brexitDeal, true],
    ['a copy with one added word', TEXTS.brexitDeal, TEXTS.brexitDealCopy, true],
    ['two stories on the same event', TEXTS.brexitDeal, TEXTS.brexitVote, false],
    ['two stories on different events', TEXTS.brexitDeal, TEXTS.pipeline, false],
  ])('%s: near-duplicate is %s', (_name, a, b, duplicate) => {
    expect(isNearDuplicate(fp(a), fp(b))).toBe(duplicate);
    expect(fingerprintSimilarity(fp(a), fp(b)) >= NEAR_DUPLICATE_THRESHOLD).toBe(duplicate);
  });

  test('is symmetric and within [0, 1]', () => {
    const texts = Object.values(TEXTS);
    for (const a of texts) {
      for (const b of texts) {
        const ab = fingerprintSimilarity(fp(a), fp(b));
        expect(ab).toBe(fingerprintSimilarity(fp(b), fp(a)));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }
    }
  });

  test.each(['', 'garbage', 'mh1:AAAA', 'mh2:' + 'A'.repeat(344), 'mh1:!!!!'])('treats an unreadable fingerprint (%j) as similar to nothing', (bad) => {
    expect(fingerprintSimilarity(bad, fp(TEXTS.vaccine))).toBe(0);
    expect(fingerprintSimilarity(fp(TEXTS.vaccine), bad)).toBe(0);
  });
});
