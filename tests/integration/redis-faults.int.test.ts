import Redis from 'ioredis';
import { CLOSED_REDIS_URL, TEST_REDIS_URL, describeWithRedis, eventually, pauseRedis, settlesBefore } from '../helpers/redis';

// The compiled modules, as the booted app uses them.
const { createGuardedRedis, RedisUnavailableError } = require('../../dist/src/redis/guarded-redis') as typeof import('../../src/redis/guarded-redis');
const { createRedisStore } = require('../../dist/src/cache/cache-store') as typeof import('../../src/cache/cache-store');
const { createCommentRateLimiter } = require('../../dist/src/comments/rate-limit') as typeof import('../../src/comments/rate-limit');

/**
 * Redis slow (CLIENT PAUSE) or gone (a closed port) under the pieces that call it: the guarded
 * connection, the response cache store and the comment rate limiter. Durations are asserted by
 * ordering (finished before the pause ended), never against a clock.
 */
const PAUSE_MS = 3000;
const FAST = { timeoutMs: 100, breakerFailures: 3, breakerCooldownMs: 300 };

function recordingLog() {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { warnings, infos, log: { warn: (message: string) => warnings.push(message), info: (message: string) => infos.push(message) } };
}

const EXPIRES_AT = Date.now() + 600_000;
const entry = (body: string) => ({ status: 200, body, etag: `W/"${body}"`, contentType: 'application/json', expiresAt: EXPIRES_AT });

describe('guarded Redis connection, Redis down', () => {
  test('fails at once, opens after three failures, then stops calling Redis, and says so once', async () => {
    const { warnings, log } = recordingLog();
    const redis = createGuardedRedis(CLOSED_REDIS_URL, FAST, log);
    try {
      expect(await redis.connected()).toBe(false);
      let calls = 0;
      const outcomes: string[] = [];
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await redis
          .run((client) => {
            calls += 1;
            return client.get('x');
          })
          .then(
            () => outcomes.push('ok'),
            (error: Error) => outcomes.push(error instanceof RedisUnavailableError ? 'skipped' : 'failed'),
          );
      }
      expect(outcomes).toEqual([...Array(3).fill('failed'), ...Array(7).fill('skipped')]);
      expect(calls).toBe(3);
      expect(redis.isHealthy()).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/127\.0\.0\.1:6390.*failing/);
      expect(warnings[0]).not.toMatch(/redis:\/\//);
    } finally {
      await redis.close();
    }
  });
});

describeWithRedis('guarded Redis connection, Redis paused', () => {
  test('each call waits one deadline until the breaker opens; a trial call closes it when Redis is back', async () => {
    const { warnings, infos, log } = recordingLog();
    const redis = createGuardedRedis(TEST_REDIS_URL, FAST, log);
    try {
      expect(await redis.connected()).toBe(true);
      await redis.run((client) => client.ping());
      const pause = await pauseRedis(PAUSE_MS);
      let calls = 0;
      const during = (async () => {
        const outcomes: string[] = [];
        for (let attempt = 0; attempt < 6; attempt += 1) {
          await redis
            .run((client) => {
              calls += 1;
              return client.get('x');
            })
            .then(
              () => outcomes.push('ok'),
              (error: Error) => outcomes.push(error instanceof RedisUnavailableError ? 'skipped' : 'late'),
            );
        }
        return outcomes;
      })();
      expect(await settlesBefore(during, pause.ended)).toBe(true);
      expect(await during).toEqual(['late', 'late', 'late', 'skipped', 'skipped', 'skipped']);
      expect(calls).toBe(3);
      expect(warnings).toHaveLength(1);
      await pause.ended;

      expect(
        await eventually(async () =>
          redis
            .run((client) => client.ping())
            .then(
              () => true,
              () => false,
            ),
        ),
      ).toBe(true);
      expect(redis.isHealthy()).toBe(true);
      expect(infos).toHaveLength(1);
      expect(warnings).toHaveLength(1);
    } finally {
      await redis.close();
    }
  });
});

describeWithRedis('response cache store in Redis, Redis paused', () => {
  let redis: ReturnType<typeof createGuardedRedis>;
  let observer: Redis;
  let prefix: string;

  beforeEach(async () => {
    redis = createGuardedRedis(TEST_REDIS_URL, FAST);
    observer = new Redis(TEST_REDIS_URL);
    prefix = `novinar:test:faults:${Date.now()}:${Math.random().toString(36).slice(2)}:`;
    await redis.connected();
  });

  afterEach(async () => {
    const keys = await observer.keys(`${prefix}*`);
    if (keys.length) await observer.del(...keys);
    await observer.quit();
    await redis.close();
  });

  test('reads miss and writes skip without waiting out the pause; the invalidation is replayed before any hit is served again', async () => {
    const store = createRedisStore(redis, { prefix });
    try {
      await store.set('a', entry('a'), ['doc:a'], 60_000);
      await store.set('b', entry('b'), ['doc:b'], 60_000);
      expect(await store.get('a')).toEqual(entry('a'));

      const pause = await pauseRedis(PAUSE_MS);
      const during = (async () => {
        // A write (an editor's publish) during the pause: bounded, and it does not throw.
        const removed = await store.invalidate(['doc:a']);
        const hits = [];
        for (let attempt = 0; attempt < 10; attempt += 1) hits.push(await store.get('b'));
        await store.set('c', entry('c'), ['doc:c'], 60_000);
        return { removed, hits };
      })();
      expect(await settlesBefore(during, pause.ended)).toBe(true);
      const { removed, hits } = await during;
      expect(removed).toBe(0);
      // b was never invalidated, but no hit is served while an invalidation is pending.
      expect(hits.every((hit) => hit === null)).toBe(true);
      await pause.ended;

      // Back: b is served again only once a's invalidation has reached Redis.
      expect(await eventually(async () => (await store.get('b')) !== null)).toBe(true);
      expect(await store.get('a')).toBeNull();
      expect(await observer.exists(`${prefix}e:a`)).toBe(0);
      expect(await observer.exists(`${prefix}e:c`)).toBe(0);
    } finally {
      await store.close();
    }
  });

  test('more pending invalidations than it remembers clear the whole cache on recovery', async () => {
    const store = createRedisStore(redis, { prefix, maxPendingTags: 2 });
    try {
      await store.set('shown', entry('shown'), ['doc:shown'], 60_000);
      const pause = await pauseRedis(PAUSE_MS);
      const during = Promise.all([store.invalidate(['doc:x']), store.invalidate(['doc:y']), store.invalidate(['doc:z'])]);
      expect(await settlesBefore(during, pause.ended)).toBe(true);
      await pause.ended;
      // None of the three tags is on the entry, yet it goes: the store no longer knows what was stale.
      expect(await eventually(async () => (await observer.keys(`${prefix}*`)).length === 0)).toBe(true);
      await store.set('after', entry('after'), ['doc:after'], 60_000);
      expect(await eventually(async () => (await store.get('after')) !== null)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('comment rate limits without Redis', () => {
  const settings = { perIpPoints: 2, perIpSeconds: 60, perArticlePoints: 100, perArticleSeconds: 60 };

  test('with Redis down each instance limits in memory, and never throws', async () => {
    const redis = createGuardedRedis(CLOSED_REDIS_URL, FAST);
    const limiter = createCommentRateLimiter(settings, CLOSED_REDIS_URL, redis);
    try {
      const decisions = [];
      for (let attempt = 0; attempt < 4; attempt += 1) decisions.push(await limiter.check('10.0.0.1', 'article'));
      expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false, false]);
      expect(decisions[2]).toMatchObject({ allowed: false, scope: 'ip' });
    } finally {
      await limiter.close();
      await redis.close();
    }
  });

  describeWithRedis('Redis paused', () => {
    test('falls back to memory counters within the deadline', async () => {
      const redis = createGuardedRedis(TEST_REDIS_URL, FAST);
      await redis.connected();
      const limiter = createCommentRateLimiter(settings, TEST_REDIS_URL, redis);
      const ip = `paused-${Date.now()}-${Math.random()}`;
      try {
        const pause = await pauseRedis(PAUSE_MS);
        const during = (async () => {
          const decisions = [];
          for (let attempt = 0; attempt < 4; attempt += 1) decisions.push(await limiter.check(ip, `article-${ip}`));
          return decisions;
        })();
        expect(await settlesBefore(during, pause.ended)).toBe(true);
        expect((await during).map((decision) => decision.allowed)).toEqual([true, true, false, false]);
        await pause.ended;
      } finally {
        await limiter.close();
        await redis.close();
      }
    });
  });
});
