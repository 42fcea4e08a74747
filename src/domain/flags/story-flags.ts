/**
 * Breaking („Извънредно“) and featured („Водеща“) stories. An editor switches a flag on with an
 * optional end time; the flag is active from then until the end time passes, with no one having
 * to switch it off. Readers compare with the clock at read time (as with embargoes), so a flag
 * ends by itself; caches end their entries by the next flag end (src/flags/flag-clock.ts).
 *
 * Flags are per locale variant: a story breaking on the Bulgarian front page may not even be
 * translated yet, and shared (non-localized) fields are copied over every variant on save
 * (see src/document-middlewares/shared-fields-guard.ts), which would let one desk's flag
 * overwrite another's.
 */
export const STORY_FLAGS = ['breaking', 'featured'] as const;
export type StoryFlag = (typeof STORY_FLAGS)[number];

/** The article attributes holding each flag and its end time. */
export const FLAG_FIELDS: Readonly<Record<StoryFlag, { on: 'breaking' | 'featured'; until: 'breakingUntil' | 'featuredUntil' }>> = Object.freeze({
  breaking: { on: 'breaking', until: 'breakingUntil' },
  featured: { on: 'featured', until: 'featuredUntil' },
});

type Instant = string | number | Date | null | undefined;
export interface FlagValues {
  breaking?: unknown;
  breakingUntil?: Instant;
  featured?: unknown;
  featuredUntil?: Instant;
}

const time = (value: Instant): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
};

/** Booleans as the databases return them (true/1 on SQLite, true on PostgreSQL). */
const isOn = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 't';

/** A flag is active when it is on and its end time is empty or still ahead. */
export function isFlagActive(on: unknown, until: Instant, at: Date): boolean {
  if (!isOn(on)) return false;
  const end = time(until);
  return end === null || end > at.getTime();
}

/** The flags of a story active at `at`, in STORY_FLAGS order. */
export function activeFlags(values: FlagValues, at: Date): StoryFlag[] {
  return STORY_FLAGS.filter((flag) => isFlagActive(values[FLAG_FIELDS[flag].on], values[FLAG_FIELDS[flag].until], at));
}

/** A query's `flag` value, or null when it names no flag (the caller answers 400). */
export function parseStoryFlag(value: unknown): StoryFlag | null {
  return typeof value === 'string' && (STORY_FLAGS as readonly string[]).includes(value) ? (value as StoryFlag) : null;
}
