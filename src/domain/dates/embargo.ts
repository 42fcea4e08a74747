/**
 * Embargo: an article whose publication date lies in the future is published in Strapi's
 * sense (it has a published version) but must not be served until that instant.
 */
import { toInstant, toOptionalInstant } from './to-instant';

/**
 * True only when `publicationDate` is strictly after `now`. At the exact instant the story
 * is released, so a scheduler firing on the release time sees it as public. No date means no
 * embargo. A malformed date throws instead of counting as "no embargo", so a typo cannot
 * release a story early.
 */
export function isEmbargoed(publicationDate: string | Date | null | undefined, now: Date): boolean {
  const at = toOptionalInstant(publicationDate, 'publicationDate');
  if (at === null) return false;
  return at.getTime() > toInstant(now, 'now').getTime();
}
