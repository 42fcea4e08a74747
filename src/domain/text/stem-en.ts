/**
 * A light, conservative English stemmer: plural and possessive „-s“, „-ies“, „-ing“, „-ed“
 * and „-ly“, plus a final silent „e“, so that "vote", "votes", "voted", "voting" meet.
 *
 * Conservative on purpose (in the spirit of Porter's step 1 and Harman's S-stemmer, not the
 * full Porter algorithm): related-article ranking needs inflections of one word to meet, and
 * gains nothing from merging derivations ("general" / "generate") that change the topic.
 * Stems are matching keys, not words; they are never shown to readers.
 */

const MIN_STEM_LENGTH = 3;
const VOWEL = /[aeiouy]/u;
const DOUBLE_CONSONANT = /([^aeiouylsz])\1$/u;

function hasVowel(stem: string): boolean {
  return VOWEL.test(stem);
}

function removePlural(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:ches|shes|xes|zes)$/u.test(word) && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s') && word.length > 3) return word.slice(0, -1);
  return word;
}

function removeVerbEnding(word: string): string {
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  // "agreed" → "agree", but "need" and "speed" are words of their own (Porter's step 1b).
  if (word.endsWith('eed')) return hasVowel(word.slice(0, -3)) ? word.slice(0, -1) : word;
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length < MIN_STEM_LENGTH || !hasVowel(stem)) return word;
    // "stopped" → "stop", but "called" / "passed" keep their double letter.
    return DOUBLE_CONSONANT.test(stem) ? stem.slice(0, -1) : stem;
  }
  return word;
}

function removeAdverbEnding(word: string): string {
  // Only long words, and not after a vowel, "b" or "p": "reply", "early", "family", "italy",
  // "assembly", "monopoly" are not adverbs in "-ly".
  if (word.length >= 7 && /[^aeiouybp]ly$/u.test(word)) return word.slice(0, -2);
  return word;
}

/** Stems one lower-case English word; words shorter than four letters are returned as-is. */
export function stemEn(word: string): string {
  if (typeof word !== 'string') return '';
  if (word.length < 4 || !/^[a-z]+$/u.test(word)) return word;
  let stem = removePlural(word);
  stem = removeVerbEnding(stem);
  stem = removeAdverbEnding(stem);
  if (stem.length > MIN_STEM_LENGTH && stem.endsWith('e') && !stem.endsWith('ee')) {
    stem = stem.slice(0, -1);
  }
  return stem;
}
