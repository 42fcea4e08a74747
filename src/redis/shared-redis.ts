import type { GuardedRedis } from './guarded-redis';

/**
 * The app's one Redis connection (REDIS_URL), opened in bootstrap and closed in destroy. The
 * response cache and the comment rate limits share it and so share its breaker: when Redis
 * goes, the first to notice spares the other its deadlines. The comment service builds its
 * limiter lazily from the URL alone, so it finds the connection here.
 */
let shared: GuardedRedis | null = null;

export function useSharedRedis(next: GuardedRedis | null): void {
  shared = next;
}

/** The shared connection to this URL, if bootstrap opened one. */
export function sharedRedis(url: string): GuardedRedis | null {
  return shared && shared.url === url ? shared : null;
}

export function currentSharedRedis(): GuardedRedis | null {
  return shared;
}
