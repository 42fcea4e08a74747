// The compiled module, as the booted app uses it.
const { createCommentRateLimiter } = require('../../dist/src/comments/rate-limit') as typeof import('../../src/comments/rate-limit');

/**
 * Several Strapi instances behind one load balancer must share comment rate limits: with
 * REDIS_URL two limiters (as two instances would build them) count against one budget.
 * Needs the Redis server of the dev/CI machine (TEST_REDIS_URL, default 127.0.0.1:6379).
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

test('two instances configured with REDIS_URL share one per-IP budget', async () => {
  const settings = { perIpPoints: 3, perIpSeconds: 30, perArticlePoints: 100, perArticleSeconds: 30 };
  const first = createCommentRateLimiter(settings, REDIS_URL);
  const second = createCommentRateLimiter(settings, REDIS_URL);
  const ip = `test-${Date.now()}-${Math.random()}`;
  try {
    const decisions = [];
    for (const limiter of [first, second, first, second]) decisions.push(await limiter.check(ip, `article-${ip}`));
    expect(decisions.slice(0, 3).every((decision) => decision.allowed)).toBe(true);
    expect(decisions[3]).toMatchObject({ allowed: false, scope: 'ip' });
  } finally {
    await first.close();
    await second.close();
  }
});

test('without REDIS_URL each instance keeps its own in-memory budget', async () => {
  const settings = { perIpPoints: 1, perIpSeconds: 30, perArticlePoints: 100, perArticleSeconds: 30 };
  const first = createCommentRateLimiter(settings, '');
  const second = createCommentRateLimiter(settings, '');
  expect((await first.check('1.2.3.4', 'a')).allowed).toBe(true);
  expect((await second.check('1.2.3.4', 'a')).allowed).toBe(true);
  expect((await first.check('1.2.3.4', 'a')).allowed).toBe(false);
});
