import type { Core } from '@strapi/strapi';
import { FLAG_FIELDS, STORY_FLAGS } from '../domain/flags';
import { now } from '../clock';
import { ARTICLE } from '../uids';

/**
 * The next moment a flag of a published story ends by itself: the earliest future end time among
 * flags that are on, or null. The response cache ends its entries by then (as by the next
 * embargo release), so a cached front page stops showing a story as breaking at the end time
 * without anyone writing anything.
 */
export async function nextFlagEnd(strapi: Core.Strapi): Promise<Date | null> {
  const at = now().toISOString();
  const ends = await Promise.all(
    STORY_FLAGS.map(async (flag) => {
      const { on, until } = FLAG_FIELDS[flag];
      const row = (await strapi.db.query(ARTICLE).findOne({
        where: { publishedAt: { $notNull: true }, [on]: true, [until]: { $gt: at } },
        select: [until],
        orderBy: { [until]: 'asc' },
      })) as Record<string, string> | null;
      return row?.[until] ? new Date(row[until]).getTime() : null;
    }),
  );
  const future = ends.filter((end): end is number => end !== null);
  return future.length ? new Date(Math.min(...future)) : null;
}
