import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';

/** expiresAt is on the app's clock (src/clock.ts), so embargo releases hold under an injected clock too. */
export interface CachedResponse { status: number; body: string; etag: string; contentType: string; expiresAt: number }

/**
 * Where cached public responses live, with tag-based invalidation: every entry carries the
 * tags of what it shows (documents, lists, related feeds), and a write invalidates exactly the
 * entries holding its tags. Memory by default (one instance); Redis when REDIS_URL is set, so
 * that every instance behind a load balancer sees the same entries and invalidations.
 */
export interface CacheStore {
  get(key: string): Promise<CachedResponse | null>;
  set(key: string, value: CachedResponse, tags: readonly string[], ttlMs: number): Promise<void>;
  invalidate(tags: readonly string[]): Promise<number>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

export function createMemoryStore(maxEntries: number): CacheStore {
  const byTag = new Map<string, Set<string>>();
  const tagsOf = new Map<string, readonly string[]>();
  const forget = (key: string) => {
    for (const tag of tagsOf.get(key) ?? []) byTag.get(tag)?.delete(key);
    tagsOf.delete(key);
  };
  const entries = new LRUCache<string, CachedResponse>({ max: maxEntries, dispose: (_value, key) => forget(key) });
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

export function createRedisStore(url: string, prefix = 'novinar:cache:'): CacheStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  const entryKey = (key: string) => `${prefix}e:${key}`;
  const tagKey = (tag: string) => `${prefix}t:${tag}`;
  return {
    async get(key) {
      try {
        const raw = await redis.get(entryKey(key));
        return raw ? (JSON.parse(raw) as CachedResponse) : null;
      } catch {
        return null; // A cache that is down is a miss, never an error for the reader.
      }
    },
    async set(key, value, tags, ttlMs) {
      try {
        const multi = redis.multi().set(entryKey(key), JSON.stringify(value), 'PX', ttlMs);
        // Tag sets outlive entries a little; a stale member only costs a DEL of a missing key.
        for (const tag of tags) multi.sadd(tagKey(tag), key).pexpire(tagKey(tag), ttlMs * 2);
        await multi.exec();
      } catch {
        // Not cached this time.
      }
    },
    async invalidate(tags) {
      let removed = 0;
      for (const tag of tags) {
        const keys = await redis.smembers(tagKey(tag));
        if (keys.length) removed += await redis.del(...keys.map(entryKey));
        await redis.del(tagKey(tag));
      }
      return removed;
    },
    async clear() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
