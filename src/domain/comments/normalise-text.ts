/**
 * The last step for every text a reader submits: the form it is measured, stored and shown in.
 */

export type NormalisedText = { ok: true; text: string } | { ok: false; problem: string };

/**
 * In a `u` regular expression a surrogate pair is one code point (an emoji, say); only a
 * surrogate without its partner is left to match the category Cs.
 */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * Unicode NFC, so that "й" typed as и + combining breve and "й" typed as one letter are the same
 * text, counted as one character and found by the same search.
 *
 * A lone surrogate ("\uD800" in the JSON, which JSON.parse accepts: RFC 8259 §8.2 leaves such
 * strings' handling "unpredictable") is not a character at all. Encoding it as UTF-8 for the
 * database silently writes U+FFFD instead, so the stored comment would differ from the one that
 * was checked and counted; no keyboard produces one, so it is refused rather than repaired.
 */
export function normaliseText(text: string): NormalisedText {
  if (UNPAIRED_SURROGATE.test(text)) {
    return { ok: false, problem: 'contains an unpaired UTF-16 surrogate (such as \\uD800), which is not a character' };
  }
  return { ok: true, text: text.normalize('NFC') };
}
