import { TEST_REDIS_URL, describeWithRedis } from '../helpers/redis';

// The compiled modules, as the booted app uses them.
const { createCommentRateLimiter } = require('../../dist/src/comments/rate-limit') as typeof import('../../src/comments/rate-limit');
const { createGuardedRedis } = require('../../dist/src/redis/guarded-redis') as typeof import('../../src/redis/guarded-redis');

/**
 * Several Strapi instances behind one load balancer must share comment rate limits: with
 * REDIS_URL two limiters (as two instances would build them) count against one budget.
 * Needs the Redis server of the dev/CI machine (TEST_REDIS_URL, default 127.0.0.1:6379/7).
 */
describeWithRedis('comment rate limits in Redis', () => {
  test('two instances configured with REDIS_URL share one per-IP budget', async () => {
    const settings = { perIpPoints: 3, perIpSeconds: 30, perArticlePoints: 100, perArticleSeconds: 30 };
    // Each instance has its own connection; a generous deadline, as this test is about sharing.
    const connections = [0, 1].map(() => createGuardedRedis(TEST_REDIS_URL, { timeoutMs: 2000, breakerFailures: 3, breakerCooldownMs: 1000 }));
    await Promise.all(connections.map((connection) => connection.connected()));
    const [first, second] = connections.map((connection) => createCommentRateLimiter(settings, TEST_REDIS_URL, connection));
    const ip = `test-${Date.now()}-${Math.random()}`;
    try {
      const decisions = [];
      for (const limiter of [first, second, first, second]) decisions.push(await limiter.check(ip, `article-${ip}`));
      expect(decisions.slice(0, 3).every((decision) => decision.allowed)).toBe(true);
      expect(decisions[3]).toMatchObject({ allowed: false, scope: 'ip' });
    } finally {
      await first.close();
      await second.close();
      await Promise.all(connections.map((connection) => connection.close()));
    }
  });
});

test('without REDIS_URL each instance keeps its own in-memory budget', async () => {
  const settings = { perIpPoints: 1, perIpSeconds: 30, perArticlePoints: 100, perArticleSeconds: 30 };
  const first = createCommentRateLimiter(settings, '');
  const second = createCommentRateLimiter(settings, '');
  expect((await first.check('1.2.3.4', 'a')).allowed).toBe(true);
  expect((await second.check('1.2.3.4', 'a')).allowed).toBe(true);
  expect((await first.check('1.2.3.4', 'a')).allowed).toBe(false);
});
