import type { Core } from '@strapi/strapi';
import type { CacheStore } from './cache-store';
import { nextEmbargoEnd } from '../visibility';

/**
 * The app-wide handle of the response cache: the Koa middleware reads and fills it, write-time
 * code invalidates tags through it. Set up in bootstrap (config `novinar.cache`).
 */
let store: CacheStore | null = null;
let nextRelease: number | null = null;

export function useCacheStore(next: CacheStore | null): void {
  store = next;
}

export function cacheStore(): CacheStore | null {
  return store;
}

/**
 * Drops every cached response carrying one of these tags (no-op when the cache is off). Write
 * paths await it: it never throws and waits on Redis at most one deadline, keeping what Redis
 * could not take for later (cache-store.ts), so a cache outage never fails or stalls a write.
 */
export async function invalidateTags(tags: readonly string[]): Promise<void> {
  if (store && tags.length) await store.invalidate([...new Set(tags)]);
}

/**
 * The next moment an embargoed story goes public or a story's flag ends. No entry may outlive
 * it: an entry computed before the release would hide the story after it, one computed before a
 * flag's end would still show it as breaking (so TTLs are capped at this instant).
 */
export function setNextEmbargoRelease(at: Date | null): void {
  nextRelease = at ? at.getTime() : null;
}

export function nextEmbargoRelease(): number | null {
  return nextRelease;
}

type NextChange = (strapi: Core.Strapi) => Promise<Date | null>;
const nextChanges = new Set<NextChange>([nextEmbargoEnd]);

/**
 * Adds a source of moments when public answers change by themselves (register(): the end of a
 * breaking/featured flag, src/flags), so the cache depends on no capability folder.
 */
export function addNextChangeSource(source: NextChange): void {
  nextChanges.add(source);
}

/**
 * Looks up the next moment public answers change by themselves: the next embargo end (the
 * visibility module owns the rule) or the earliest moment of an added source, whichever comes first.
 */
export async function refreshNextEmbargoRelease(strapi: Core.Strapi): Promise<void> {
  const moments = await Promise.all([...nextChanges].map((source) => source(strapi)));
  const times = moments.filter((moment): moment is Date => moment !== null).map((moment) => moment.getTime());
  setNextEmbargoRelease(times.length ? new Date(Math.min(...times)) : null);
}

export { GRAPHQL_TAG, commentsTag, docTag, listTag, relatedTag } from '../domain/cache/cache-tags';
