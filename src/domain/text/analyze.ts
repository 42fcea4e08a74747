import { stemBg } from './stem-bg';
import { stemEn } from './stem-en';
import { STOPWORDS_BG } from './stopwords-bg';
import { STOPWORDS_EN } from './stopwords-en';
import { tokenize } from './tokenize';

interface LanguageRules {
  stopwords: ReadonlySet<string>;
  stem: (word: string) => string;
}

const identity = (word: string): string => word;

/**
 * Bulgarian and English share one rule set: Bulgarian news quotes English names and titles
 * („Daily Express“, „Ryanair“) and English text quotes Bulgarian ones, so each word is
 * stemmed by its script and both stop-word lists apply (a stop word of one language is never
 * a content word of the other). Any other locale is handled like English without stemming:
 * a wrong stemmer merges unrelated words, while no stemmer only misses some matches.
 */
const BULGARIAN_AND_ENGLISH: LanguageRules = {
  stopwords: new Set([...STOPWORDS_BG, ...STOPWORDS_EN]),
  stem: (word) => (/\p{Script=Cyrillic}/u.test(word) ? stemBg(word) : stemEn(word)),
};
const OTHER: LanguageRules = { stopwords: STOPWORDS_EN, stem: identity };

const ONLY_DIGITS = /^\p{N}+$/u;

/** The primary language subtag: "bg-BG" → "bg", "EN" → "en". */
export function languageOf(locale: string): string {
  return (locale ?? '').split(/[-_]/u)[0]?.toLowerCase() ?? '';
}

function rulesFor(locale: string): LanguageRules {
  switch (languageOf(locale)) {
    case 'bg':
    case 'en':
      return BULGARIAN_AND_ENGLISH;
    default:
      return OTHER;
  }
}

/**
 * The index term of one token (as `tokenize` returns it), or null when it carries no topic:
 * stop words, pure numbers (years and counts match across unrelated stories) and one-letter
 * tokens (abbreviations such as „г.“). Stop words are checked before stemming, on the word as
 * written. Search analyses text token by token with it, to keep each term's place.
 */
export function analyzeToken(token: string, locale: string): string | null {
  const rules = rulesFor(locale);
  if (token.length < 2 || ONLY_DIGITS.test(token) || rules.stopwords.has(token)) return null;
  const term = rules.stem(token);
  return term.length >= 2 ? term : null;
}

/** Turns text into index terms: `analyzeToken` of each token, the empty ones left out. */
export function analyze(text: string, locale: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text, locale)) {
    const term = analyzeToken(token, locale);
    if (term !== null) terms.push(term);
  }
  return terms;
}
