import type { Knex } from 'knex';
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

/**
 * The same rule for hand-written SQL: rows (alias `alias`) whose `flag` is active at `at`.
 * `column` gives the database column of an article attribute.
 */
export function whereFlagActive(query: Knex.QueryBuilder, alias: string, flag: StoryFlag, at: Date, column: (attribute: string) => string): Knex.QueryBuilder {
  const { on, until } = FLAG_FIELDS[flag];
  const end = `${alias}.${column(until)}`;
  return query.where(`${alias}.${column(on)}`, true).andWhere((active) => active.whereNull(end).orWhere(end, '>', at));
}
