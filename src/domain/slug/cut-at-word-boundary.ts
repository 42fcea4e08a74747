/**
 * Shortens a slug to at most `maxLength` characters, cutting at a hyphen so no word is
 * split, and never leaving a trailing hyphen. A first word that alone exceeds the limit
 * is cut hard: a slug that is too long would be rejected, a clipped word is merely ugly.
 */
export function cutAtWordBoundary(slug: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  if (slug.length <= maxLength) return slug;
  // A hyphen right after the limit means the limit falls exactly on a word end.
  const lastHyphen = slug.lastIndexOf('-', maxLength);
  const cut = lastHyphen > 0 ? slug.slice(0, lastHyphen) : slug.slice(0, maxLength);
  return cut.replace(/-+$/, '');
}
