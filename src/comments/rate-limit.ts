import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createGuardedRedis, type GuardedRedis } from '../redis/guarded-redis';
import { sharedRedis } from '../redis/shared-redis';

export interface RateLimitSettings {
  perIpPoints: number;
  perIpSeconds: number;
  perArticlePoints: number;
  perArticleSeconds: number;
}
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: 'ip' | 'article' };

interface Limiter {
  /**
   * Resolves when allowed, rejects with a RateLimiterRes when over the limit, never with an
   * Error. `redisFailed` in and out: whether Redis already failed during this submission.
   */
  consume(key: string, redisFailed: boolean): Promise<{ redisFailed: boolean }>;
}

function memoryLimiter(keyPrefix: string, points: number, duration: number): Limiter {
  const local = new RateLimiterMemory({ keyPrefix, points, duration });
  return {
    async consume(key) {
      await local.consume(key);
      return { redisFailed: false };
    },
  };
}

/**
 * Counts in Redis, shared by every instance; when Redis is slow, down or skipped by the breaker,
 * this instance's memory counters decide instead (each instance then allows the limit on its own).
 * This is rate-limiter-flexible's insurance strategy, done here rather than with its
 * `insuranceLimiter` option: that option turns Redis errors into answers inside the library, so
 * the breaker would never hear of them, and it waits for whatever ioredis does, not a deadline.
 */
function sharedLimiter(redis: GuardedRedis, keyPrefix: string, points: number, duration: number): Limiter {
  const shared = new RateLimiterRedis({ storeClient: redis.client, keyPrefix, points, duration });
  const local = new RateLimiterMemory({ keyPrefix, points, duration });
  return {
    async consume(key, redisFailed) {
      // One failed Redis call per submission is enough: the second counter goes to memory at once.
      const answer = redisFailed
        ? null
        : await redis
            .run(() =>
              shared.consume(key).then(
                (res) => ({ over: false, res }),
                // Over the limit is an answer from Redis, not a Redis failure.
                (rejection: unknown) => {
                  if (rejection instanceof RateLimiterRes) return { over: true, res: rejection };
                  throw rejection;
                },
              ),
            )
            .catch(() => null);
      if (answer?.over) throw answer.res;
      if (answer) return { redisFailed: false };
      await local.consume(key);
      return { redisFailed: true };
    },
  };
}

/**
 * Comment submission limits per client IP and per article, with rate-limiter-flexible. The
 * counters live in memory for a single instance, or in Redis (REDIS_URL) so that several
 * Strapi instances behind one load balancer share them, through the app's guarded connection
 * (bootstrap opens it; pass one to use another). A submission never waits on Redis longer than
 * its deadline and never fails because of it.
 */
export function createCommentRateLimiter(settings: RateLimitSettings, redisUrl: string, redis: GuardedRedis | null = redisUrl ? sharedRedis(redisUrl) : null) {
  // Outside a booted app (scripts) there is no shared connection: this limiter opens and closes its own.
  const own = redisUrl && !redis ? createGuardedRedis(redisUrl) : null;
  const connection = redis ?? own;
  const make = (keyPrefix: string, points: number, duration: number): Limiter =>
    connection ? sharedLimiter(connection, keyPrefix, points, duration) : memoryLimiter(keyPrefix, points, duration);
  const perIp = make('novinar:comments:ip', settings.perIpPoints, settings.perIpSeconds);
  const perArticle = make('novinar:comments:article', settings.perArticlePoints, settings.perArticleSeconds);

  /** The decision, and whether Redis failed on the way (then the next counter skips it). */
  async function consume(
    limiter: Limiter,
    key: string,
    scope: 'ip' | 'article',
    redisFailed: boolean,
  ): Promise<{ decision: RateDecision; redisFailed: boolean }> {
    try {
      return { decision: { allowed: true }, ...(await limiter.consume(key, redisFailed)) };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { decision: { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }, redisFailed };
      }
      throw rejection;
    }
  }

  return {
    async check(ipKey: string, articleKey: string): Promise<RateDecision> {
      const byIp = await consume(perIp, ipKey, 'ip', false);
      if (!byIp.decision.allowed) return byIp.decision;
      return (await consume(perArticle, articleKey, 'article', byIp.redisFailed)).decision;
    },
    async close(): Promise<void> {
      await own?.close();
    },
  };
}

export type CommentRateLimiter = ReturnType<typeof createCommentRateLimiter>;
