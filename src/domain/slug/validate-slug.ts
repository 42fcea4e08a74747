import { DEFAULT_SLUG_MAX_LENGTH } from './slug-max-length';

/** Lower-case a-z and 0-9 words joined by single hyphens; no hyphen at either end. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ALLOWED = 'Use only lower-case Latin letters a-z, digits 0-9 and single hyphens between words, ' + 'with no hyphen at the start or end.';

/** Names the first rule a slug breaks, so an editor knows what to fix, not just that it failed. */
function describeProblem(slug: string): string {
  if (/\p{Script=Cyrillic}/u.test(slug)) return 'it contains Cyrillic letters';
  if (/[A-Z]/.test(slug)) return 'it contains upper-case letters';
  if (/\s/.test(slug)) return 'it contains whitespace';
  if (/^-|-$/.test(slug)) return 'it starts or ends with a hyphen';
  if (slug.includes('--')) return 'it contains consecutive hyphens';
  return 'it contains characters other than a-z, 0-9 and hyphens';
}

/**
 * Checks a slug typed or edited by hand. Returns an English error message for the editor, or
 * null when the slug is valid. Generated slugs (`slugifyTitle`) always pass.
 */
export function validateSlug(slug: string, maxLength = DEFAULT_SLUG_MAX_LENGTH): string | null {
  if (slug.length === 0) return `Slug must not be empty. ${ALLOWED}`;
  if (slug.length > maxLength) {
    return `Slug must be at most ${maxLength} characters long, got ${slug.length}.`;
  }
  if (!SLUG_PATTERN.test(slug)) return `Slug "${slug}" is invalid: ${describeProblem(slug)}. ${ALLOWED}`;
  return null;
}
