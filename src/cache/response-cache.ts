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
 * The next moment an embargoed story goes public. No entry may outlive it: an entry computed
 * before the release would hide the story after it (so TTLs are capped at this instant).
 */
export function setNextEmbargoRelease(at: Date | null): void {
  nextRelease = at ? at.getTime() : null;
}

export function nextEmbargoRelease(): number | null {
  return nextRelease;
}

/** Looks up the next embargo end (the visibility module owns the rule). */
export async function refreshNextEmbargoRelease(strapi: Core.Strapi): Promise<void> {
  setNextEmbargoRelease(await nextEmbargoEnd(strapi));
}

export { GRAPHQL_TAG, commentsTag, docTag, listTag, relatedTag } from '../domain/cache/cache-tags';
