import { cutAtWordBoundary } from './cut-at-word-boundary';
import { DEFAULT_SLUG_MAX_LENGTH } from './slug-max-length';

/**
 * Returns `base` if no document uses it, else the first free `base-2`, `base-3`, … The
 * numbering starts at 2 because the unnumbered slug is the first one. When the suffix would
 * push the slug past `maxLength`, the base is shortened at a hyphen (word) boundary so the
 * number stays visible and the result stays valid.
 *
 * `taken` is the set of slugs already in use (the caller queries them, e.g. all slugs that
 * start with `base`), which keeps this function free of database access.
 */
export function nextFreeSlug(base: string, taken: Iterable<string>, maxLength = DEFAULT_SLUG_MAX_LENGTH): string {
  if (base.length === 0) throw new RangeError('nextFreeSlug needs a non-empty base slug');
  const used = new Set(taken);
  const stem = cutAtWordBoundary(base, maxLength);
  if (!used.has(stem)) return stem;

  // Terminates: each n gives a different slug (its last segment is n), and `used` is finite.
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const room = maxLength - suffix.length;
    if (room < 1) throw new RangeError(`maxLength ${maxLength} leaves no room for suffix ${suffix}`);
    const candidate = `${cutAtWordBoundary(stem, room)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
