import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimitSettings { perIpPoints: number; perIpSeconds: number; perArticlePoints: number; perArticleSeconds: number }
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: 'ip' | 'article' };

/**
 * Comment submission limits per client IP and per article, with rate-limiter-flexible. The
 * counters live in memory for a single instance, or in Redis (REDIS_URL) so that several
 * Strapi instances behind one load balancer share them.
 */
export function createCommentRateLimiter(settings: RateLimitSettings, redisUrl: string) {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1 }) : null;
  const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract =>
    redis
      ? // If Redis is unreachable, each instance falls back to its own memory counters rather than failing requests.
        new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }) })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  const perIp = make('novinar:comments:ip', settings.perIpPoints, settings.perIpSeconds);
  const perArticle = make('novinar:comments:article', settings.perArticlePoints, settings.perArticleSeconds);

  async function consume(limiter: RateLimiterAbstract, key: string, scope: 'ip' | 'article'): Promise<RateDecision> {
    try {
      await limiter.consume(key);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }

  return {
    async check(ipKey: string, articleKey: string): Promise<RateDecision> {
      const byIp = await consume(perIp, ipKey, 'ip');
      if (!byIp.allowed) return byIp;
      return consume(perArticle, articleKey, 'article');
    },
    async close(): Promise<void> {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export type CommentRateLimiter = ReturnType<typeof createCommentRateLimiter>;
