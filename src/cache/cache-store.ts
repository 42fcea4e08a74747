import { LRUCache } from 'lru-cache';
import type { GuardedRedis } from '../redis/guarded-redis';
import { valueWithin } from '../redis/deadline';

/** expiresAt is on the app's clock (src/clock.ts), so embargo releases hold under an injected clock too. */
export interface CachedResponse {
  status: number;
  body: string;
  etag: string;
  contentType: string;
  expiresAt: number;
  lastModified?: string;
}

/**
 * Where cached public responses live, with tag-based invalidation: every entry carries the
 * tags of what it shows (documents, lists, related feeds), and a write invalidates exactly the
 * entries holding its tags. Memory by default (one instance); Redis when REDIS_URL is set, so
 * that every instance behind a load balancer sees the same entries and invalidations.
 * No method throws, and none waits on Redis longer than its deadline: a cache that is down is
 * an empty cache, not an error for a reader or a writer.
 */
export interface CacheStore {
  get(key: string): Promise<CachedResponse | null>;
  set(key: string, value: CachedResponse, tags: readonly string[], ttlMs: number): Promise<void>;
  /** Entries removed; 0 when the store could not confirm it in time (it then keeps trying). */
  invalidate(tags: readonly string[]): Promise<number>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The store of one instance: an LRU bounded by entry count and by the bytes of the bodies it
 * holds (a feed or a populated list is far larger than a story card, so a count alone does not
 * bound the memory).
 */
export function createMemoryStore(maxEntries: number, maxBytes = 64 * 1024 * 1024): CacheStore {
  const byTag = new Map<string, Set<string>>();
  const tagsOf = new Map<string, readonly string[]>();
  const forget = (key: string) => {
    for (const tag of tagsOf.get(key) ?? []) byTag.get(tag)?.delete(key);
    tagsOf.delete(key);
  };
  const entries = new LRUCache<string, CachedResponse>({
    max: maxEntries,
    maxSize: Math.max(1, maxBytes),
    // UTF-16 in memory: two bytes per code unit, plus the key and the entry's other fields.
    sizeCalculation: (value, key) => 2 * (value.body.length + key.length) + 256,
    dispose: (_value, key) => forget(key),
  });
  return {
    async get(key) {
      return entries.get(key) ?? null;
    },
    async set(key, value, tags, ttlMs) {
      entries.set(key, value, { ttl: ttlMs });
      tagsOf.set(key, tags);
      for (const tag of tags) {
        if (!byTag.has(tag)) byTag.set(tag, new Set());
        byTag.get(tag)?.add(key);
      }
    },
    async invalidate(tags) {
      let removed = 0;
      for (const tag of tags) {
        for (const key of [...(byTag.get(tag) ?? [])]) {
          if (entries.delete(key)) removed += 1;
          forget(key);
        }
        byTag.delete(tag);
      }
      return removed;
    },
    async clear() {
      entries.clear();
      byTag.clear();
      tagsOf.clear();
    },
    async close() {
      await this.clear();
    },
  };
}

export interface RedisStoreOptions {
  /** Key prefix of entries and tag sets. */
  prefix?: string;
  /** Most tags remembered while Redis cannot take their invalidation; beyond, the cache is cleared on recovery. */
  maxPendingTags?: number;
}

/**
 * The shared store in Redis, through the app's guarded connection (src/redis/guarded-redis.ts):
 * every call has a deadline and goes through one circuit breaker, and a store that cannot reach
 * Redis behaves as an empty cache that drops what it is given, never as an error or a wait.
 *
 * Invalidations are the one thing that cannot simply be dropped: an entry that missed its
 * invalidation would be served stale once Redis is back. So tags are remembered here (in
 * memory, bounded) until Redis confirms their deletion, and while any are pending this store
 * serves no hits at all and writes no entries; recovery replays them first (or clears the whole
 * cache when there were too many to remember), and only then are hits served again. A writer
 * waits for the invalidation at most one deadline, and not at all when Redis is known to be failing.
 *
 * The commands of one connection run in order, so an entry write that reached a paused Redis
 * before an invalidation was remembered still lands before the replay that deletes it.
 */
export function createRedisStore(redis: GuardedRedis, { prefix = 'novinar:cache:', maxPendingTags = 1000 }: RedisStoreOptions = {}): CacheStore {
  const entryKey = (key: string) => `${prefix}e:${key}`;
  const tagKey = (tag: string) => `${prefix}t:${tag}`;
  const { timeoutMs, breakerCooldownMs } = redis.settings;

  const pendingTags = new Set<string>();
  // A clear is pending while fewer clears are done than were asked for.
  let clearsAsked = 0;
  let clearsDone = 0;
  let flushing: Promise<number> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const hasPending = () => pendingTags.size > 0 || clearsAsked > clearsDone;

  function remember(tags: readonly string[]): void {
    for (const tag of tags) pendingTags.add(tag);
    if (pendingTags.size > maxPendingTags) {
      pendingTags.clear();
      clearsAsked += 1;
    }
  }

  async function deleteTags(tags: string[]): Promise<number> {
    return redis.run(async (client) => {
      const members = await Promise.all(tags.map((tag) => client.smembers(tagKey(tag))));
      const keys = [...new Set(members.flat())].map(entryKey);
      const [removed] = await Promise.all([keys.length ? client.del(...keys) : Promise.resolve(0), client.del(...tags.map(tagKey))]);
      return removed;
    });
  }

  async function deleteEverything(): Promise<void> {
    // One guarded call per page: a large cache may take many deadlines to clear, and that
    // must not count as Redis failing.
    let cursor = '0';
    do {
      const [next, keys] = await redis.run((client) => client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000));
      if (keys.length) await redis.run((client) => client.unlink(...keys));
      cursor = next;
    } while (cursor !== '0');
  }

  /** Replays pending clears and invalidations until none are left or Redis fails; never rejects. */
  async function drain(): Promise<number> {
    let removed = 0;
    try {
      while (!closed && hasPending()) {
        if (clearsAsked > clearsDone) {
          const asked = clearsAsked;
          const covered = [...pendingTags];
          await deleteEverything();
          clearsDone = asked;
          for (const tag of covered) pendingTags.delete(tag);
        } else {
          const batch = [...pendingTags];
          removed += await deleteTags(batch);
          for (const tag of batch) pendingTags.delete(tag);
        }
      }
    } catch {
      // Redis refused, failed or was late: everything stays pending for the next try.
      retryLater();
    }
    return removed;
  }

  /** One replay at a time; callers arriving meanwhile share it (it loops until nothing is pending). */
  function flush(): Promise<number> {
    flushing ??= drain().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  /** Without traffic nothing would replay, and other instances may be serving the stale entries. */
  function retryLater(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(
      () => {
        retryTimer = null;
        void flush();
      },
      Math.max(breakerCooldownMs, timeoutMs),
    );
    retryTimer.unref();
  }

  /** The writer's wait: one deadline at most, none when Redis is already known to be failing. */
  function flushForWriter(): Promise<number> {
    const replay = flush();
    return redis.isHealthy() ? valueWithin(replay, timeoutMs, 0) : Promise.resolve(0);
  }

  return {
    async get(key) {
      if (hasPending()) {
        void flush();
        return null;
      }
      try {
        const raw = await redis.run((client) => client.get(entryKey(key)));
        return raw ? (JSON.parse(raw) as CachedResponse) : null;
      } catch {
        return null; // A cache that is slow or down is a miss, never an error for the reader.
      }
    },
    async set(key, value, tags, ttlMs) {
      // Skipped while invalidations are pending (no hits are served anyway) and after a failed
      // call: a request whose read just waited out the deadline does not wait a second time.
      if (hasPending() || !redis.isHealthy()) return;
      try {
        await redis.run((client) => {
          const multi = client.multi().set(entryKey(key), JSON.stringify(value), 'PX', ttlMs);
          // Tag sets outlive entries a little; a stale member only costs a DEL of a missing key.
          for (const tag of tags) multi.sadd(tagKey(tag), key).pexpire(tagKey(tag), ttlMs * 2);
          return multi.exec();
        });
      } catch {
        // Not cached this time.
      }
    },
    async invalidate(tags) {
      if (!tags.length) return 0;
      remember(tags);
      return flushForWriter();
    },
    async clear() {
      pendingTags.clear();
      clearsAsked += 1;
      await flushForWriter();
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (flushing) await valueWithin(flushing, timeoutMs, 0);
    },
  };
}
