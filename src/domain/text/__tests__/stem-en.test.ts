import { stemEn } from '../stem-en';

const PARADIGMS: Array<[string, string[]]> = [
  ['vote', ['vote', 'votes', 'voted', 'voting']],
  ['policy', ['policy', 'policies']],
  ['apply', ['apply', 'applies', 'applied', 'applying']],
  ['stop', ['stop', 'stops', 'stopped', 'stopping']],
  ['pass', ['pass', 'passes', 'passed', 'passing']],
  ['agree', ['agree', 'agrees', 'agreed', 'agreeing']],
  ['election', ['election', 'elections']],
  ['tax', ['tax', 'taxes']],
  ['final', ['final', 'finally']],
  ['trump', ['trump', 'trumps']],
  ['house', ['house', 'houses', 'housing']],
];

describe('stemEn', () => {
  describe.each(PARADIGMS)('forms of "%s" share one stem', (_lemma, forms) => {
    const stem = stemEn(forms[0] as string);
    test.each(forms)('%s', (form) => {
      expect(stemEn(form)).toBe(stem);
    });
  });

  test('different lemmas in the table keep different stems', () => {
    const stems = PARADIGMS.map(([, forms]) => stemEn(forms[0] as string));
    expect(new Set(stems).size).toBe(PARADIGMS.length);
  });

  test.each(['status', 'crisis', 'bus', 'need', 'speed', 'family', 'reply', 'assembly', 'eu', 'uk'])('leaves %s alone', (word) => {
    expect(stemEn(word)).toBe(word);
  });

  test('never throws', () => {
    for (const word of ['', 's', 'ies', 'ing', 'eed', 'ly', 'ssss', 'covid19', 'брекзит', 'x'.repeat(5000)]) {
      expect(() => stemEn(word)).not.toThrow();
    }
  });
});
