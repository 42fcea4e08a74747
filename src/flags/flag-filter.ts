import { FLAG_FIELDS, type StoryFlag } from '../domain/flags';

/**
 * Document Service filter: stories whose `flag` is active at `at` (on, and its end time empty or
 * still ahead; src/domain/flags/story-flags.ts is the same rule in memory). Callers add it to a
 * public read, which the visibility module restricts to published, released stories.
 */
export function activeFlagFilter(flag: StoryFlag, at: Date): Record<string, unknown> {
  const { on, until } = FLAG_FIELDS[flag];
  return { [on]: { $eq: true }, $or: [{ [until]: { $null: true } }, { [until]: { $gt: at.toISOString() } }] };
}
