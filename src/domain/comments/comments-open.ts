/** Whether readers may comment on an article right now. */
import { toInstant, toOptionalInstant } from '../dates/to-instant';

const DAY_MS = 24 * 60 * 60 * 1000;

export type CommentsOpen = { open: true } | { open: false; reason: string };

/**
 * Comments are open unless the editor turned them off, the article is still under embargo,
 * or more than `maxAgeDays` (0 = no limit) have passed since publication. Old stories
 * attract spam and few genuine readers, hence the age limit.
 *
 * `commentsEnabled` null or missing counts as enabled: it is the schema's default, and
 * articles created before the attribute existed have null there.
 * Days are 24-hour periods from the publication instant, not calendar days in Sofia, so the
 * limit is the same for every reader whatever their time zone.
 */
export function areCommentsOpen(article: { commentsEnabled?: boolean | null; publicationDate?: string | null }, now: Date, maxAgeDays: number): CommentsOpen {
  if (!Number.isFinite(maxAgeDays) || maxAgeDays < 0) {
    throw new RangeError(`maxAgeDays must be a non-negative number, got ${String(maxAgeDays)}.`);
  }
  if (article.commentsEnabled === false) {
    return { open: false, reason: 'Comments are closed for this article.' };
  }
  const nowMs = toInstant(now, 'now').getTime();
  const published = toOptionalInstant(article.publicationDate, 'publicationDate');
  if (published === null) {
    // Without a date there is nothing to measure; publishing stamps one, so this is a
    // legacy row, and it is treated like a fresh article rather than locked for good.
    return { open: true };
  }
  if (published.getTime() > nowMs) {
    return { open: false, reason: 'Comments open when the article is published.' };
  }
  if (maxAgeDays > 0 && nowMs >= published.getTime() + maxAgeDays * DAY_MS) {
    return { open: false, reason: `Comments close ${maxAgeDays} ${maxAgeDays === 1 ? 'day' : 'days'} after publication.` };
  }
  return { open: true };
}
