import { tokenize } from '../text/tokenize';

/**
 * Near-duplicate fingerprints that fit one text column.
 *
 * Agencies and sites republish the same story with small edits (a wire header, a photo
 * credit, a reworded sentence). Such copies share most of their word sequences, so the
 * Jaccard similarity of their sets of word shingles (runs of SHINGLE_SIZE words) is high,
 * while two different stories on the same event share only names and set phrases.
 * MinHash (Broder, "On the resemblance and containment of documents", 1997) estimates that
 * Jaccard from a fixed-size signature: for each of NUM_HASHES hash functions, the smallest
 * hash over the shingles; two texts agree in a slot with probability equal to their Jaccard.
 *
 * Only the low 16 bits of each minimum are kept (b-bit MinHash, Li & König 2010): 128 slots
 * of 2 bytes estimate Jaccard with a standard error of about 0.04 in 344 characters, and two
 * different minima agree by chance once in 65,536, which does not move the estimate.
 *
 * Format: `mh1:` + base64 of the 128 little-endian uint16 minima. Text without any word has
 * the signature `mh1:` and is similar to nothing. A different version prefix means a
 * different hashing scheme: such fingerprints compare as 0 until they are recomputed.
 */

export const SHINGLE_SIZE = 3;
export const NUM_HASHES = 128;
const PREFIX = 'mh1:';

/**
 * Estimated Jaccard at or above which two articles are one story. Measured on the evaluation
 * corpus (`npm run eval:related`): every pair marked near_duplicate_of scores 0.71
 * or more; unmarked pairs between 0.4 and 0.7 are the same story rewritten by another outlet
 * („Самолет не успя да кацне в София“ / „Самолет не можа да кацне на летище София“), which
 * a list should not show twice either; below 0.35 pairs from different events appear (shared
 * site footers). 0.4 sits in between, ten standard errors of the estimate below 0.71.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.4;

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
export function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One fixed seed per hash function, so fingerprints are stable across processes. */
export const MINHASH_SEEDS: readonly number[] = Array.from({ length: NUM_HASHES }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));

function shingleHashes(text: string, locale: string): Set<number> {
  const tokens = tokenize(text, locale);
  const hashes = new Set<number>();
  if (tokens.length === 0) return hashes;
  // A text shorter than one shingle is its own single shingle.
  const size = Math.min(SHINGLE_SIZE, tokens.length);
  for (let i = 0; i + size <= tokens.length; i += 1) {
    hashes.add(fnv1a(tokens.slice(i, i + size).join(' ')));
  }
  return hashes;
}

export function fingerprintText(text: string, locale: string): string {
  const hashes = shingleHashes(typeof text === 'string' ? text : '', locale);
  if (hashes.size === 0) return PREFIX;
  const minima = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const hash of hashes) {
    for (let i = 0; i < NUM_HASHES; i += 1) {
      const value = fmix32(hash ^ (MINHASH_SEEDS[i] ?? 0));
      if (value < (minima[i] ?? 0)) minima[i] = value;
    }
  }
  const bytes = Buffer.alloc(NUM_HASHES * 2);
  for (let i = 0; i < NUM_HASHES; i += 1) bytes.writeUInt16LE((minima[i] ?? 0) & 0xffff, i * 2);
  return PREFIX + bytes.toString('base64');
}

function decode(fingerprint: string): Buffer | null {
  if (typeof fingerprint !== 'string' || !fingerprint.startsWith(PREFIX)) return null;
  const bytes = Buffer.from(fingerprint.slice(PREFIX.length), 'base64');
  return bytes.length === NUM_HASHES * 2 ? bytes : null;
}

/** Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]. */
export function fingerprintSimilarity(a: string, b: string): number {
  const left = decode(a);
  const right = decode(b);
  if (!left || !right) return 0;
  let equal = 0;
  for (let i = 0; i < NUM_HASHES; i += 1) {
    if (left.readUInt16LE(i * 2) === right.readUInt16LE(i * 2)) equal += 1;
  }
  return equal / NUM_HASHES;
}

/** True when the fingerprints say the two articles are copies of one story. */
export function isNearDuplicate(a: string, b: string, threshold: number = NEAR_DUPLICATE_THRESHOLD): boolean {
  return fingerprintSimilarity(a, b) >= threshold;
}
