import { performance } from 'perf_hooks';
import Redis from 'ioredis';
import { CLOSED_BREAKER, askBreaker, recordOutcome, type BreakerState } from '../domain/breaker/circuit-breaker';
import { withDeadline } from './deadline';

export interface RedisFaultSettings {
  /** Deadline of one call (which may be several commands), in ms. */
  timeoutMs: number;
  /** Failed or late calls in a row that open the breaker. */
  breakerFailures: number;
  /** How long an open breaker keeps every call away from Redis before one trial call. */
  breakerCooldownMs: number;
}

export const DEFAULT_REDIS_FAULT_SETTINGS: Readonly<RedisFaultSettings> = Object.freeze({ timeoutMs: 100, breakerFailures: 3, breakerCooldownMs: 5000 });

/** The two log levels the breaker uses (strapi.log has them). */
export interface RedisLog {
  warn(message: string): void;
  info(message: string): void;
}

/** Thrown instead of calling Redis while the breaker is open: the caller goes on without it. */
export class RedisUnavailableError extends Error {
  constructor(where: string) {
    super(`Redis ${where} is skipped for now (circuit open)`);
    this.name = 'RedisUnavailableError';
  }
}

/**
 * Longest wait for a TCP connection. No request waits for it (commands fail at once while
 * disconnected); it only bounds how long a black-holed host holds a connect attempt, and how
 * long bootstrap waits to know whether Redis is there.
 */
const CONNECT_TIMEOUT_MS = 2000;
/** Reconnect in the background without end, backing off to one attempt a second. */
const reconnectDelay = (attempt: number): number => Math.min(attempt * 100, 1000);

export interface GuardedRedis {
  readonly url: string;
  readonly settings: Readonly<RedisFaultSettings>;
  /**
   * The ioredis client, for libraries that must be handed one (rate-limiter-flexible). Call
   * Redis through run() only: that is what the deadline and the breaker see.
   */
  readonly client: Redis;
  /**
   * Runs one call (one or several commands) against Redis: rejects with RedisUnavailableError
   * at once while the breaker is open, with DeadlineExceededError when it takes longer than
   * timeoutMs, or with Redis' own error. Every outcome feeds the breaker.
   */
  run<T>(call: (client: Redis) => Promise<T>): Promise<T>;
  /** True when the breaker is closed and the last call succeeded: optional work may use Redis. */
  isHealthy(): boolean;
  /** Resolves true once connected, false when the first attempt fails or takes too long. */
  connected(): Promise<boolean>;
  close(): Promise<void>;
}

/** host:port/db of a Redis URL, never its credentials (this goes to the log). */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
  } catch {
    return '(REDIS_URL)';
  }
}

/**
 * One Redis connection with a deadline on every call and one circuit breaker for all of its
 * callers: a cache is an optimisation, so Redis being slow or gone may cost a request at most
 * one deadline until the breaker opens, and nothing while it is open. Transitions are logged
 * once (warn when it opens, info when a trial call finds Redis back), never per request.
 */
export function createGuardedRedis(url: string, settings: RedisFaultSettings = DEFAULT_REDIS_FAULT_SETTINGS, log?: RedisLog): GuardedRedis {
  const where = describe(url);
  const timeoutMs = Number.isFinite(settings.timeoutMs) && settings.timeoutMs > 0 ? settings.timeoutMs : DEFAULT_REDIS_FAULT_SETTINGS.timeoutMs;
  const breakerSettings = { failureThreshold: settings.breakerFailures, cooldownMs: settings.breakerCooldownMs };
  const client = new Redis(url, {
    // A command sent while disconnected fails at once instead of queueing until a reconnect
    // (ioredis' default would hold the request for as long as Redis is down).
    enableOfflineQueue: false,
    // Commands in flight when the connection drops fail on the first reconnect attempt; they
    // are never resent later, when their caller has long gone on without them.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // ioredis gives up on each command at the deadline too, so nothing piles up in its queue
    // while Redis is paused; the guard's own timer covers calls of several commands.
    commandTimeout: timeoutMs,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: reconnectDelay,
  });
  // ioredis emits 'error' on every failed reconnect attempt; without a listener Node prints each
  // one. The breaker reports the outage once, with the last error.
  client.on('error', () => undefined);

  let state: BreakerState = CLOSED_BREAKER;
  let lastCallOk = true;

  function settle(ok: boolean, trial: boolean, error: unknown): void {
    lastCallOk = ok;
    const recorded = recordOutcome(state, { ok, trial, at: performance.now() }, breakerSettings);
    state = recorded.state;
    if (recorded.transition === 'opened') {
      const reason = error instanceof Error ? error.message : String(error);
      log?.warn(
        `Redis ${where} is failing (${Math.max(1, breakerSettings.failureThreshold)} calls in a row failed or took over ${timeoutMs} ms; last: ${reason}). ` +
          'Going on without it: cache reads are misses, cache writes are skipped, invalidations are kept for later, ' +
          `rate limits count per instance. Next try in ${breakerSettings.cooldownMs} ms.`,
      );
    } else if (recorded.transition === 'closed') {
      log?.info(`Redis ${where} answers again: the response cache and shared rate limits use it again.`);
    }
  }

  return {
    url,
    settings: { ...settings, timeoutMs },
    client,

    async run<T>(call: (redis: Redis) => Promise<T>): Promise<T> {
      const asked = askBreaker(state, performance.now(), breakerSettings);
      state = asked.state;
      if (asked.permit === 'refuse') throw new RedisUnavailableError(where);
      const trial = asked.permit === 'trial';
      try {
        const result = await withDeadline(
          Promise.resolve().then(() => call(client)),
          timeoutMs,
        );
        settle(true, trial, null);
        return result;
      } catch (error) {
        settle(false, trial, error);
        throw error;
      }
    },

    isHealthy() {
      return state.status === 'closed' && lastCallOk;
    },

    connected() {
      if (client.status === 'ready') return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const finish = (ok: boolean) => {
          clearTimeout(timer);
          client.off('ready', onReady);
          client.off('error', onFailure);
          client.off('end', onFailure);
          resolve(ok);
        };
        const onReady = () => finish(true);
        const onFailure = () => finish(false);
        const timer = setTimeout(onFailure, CONNECT_TIMEOUT_MS);
        client.once('ready', onReady);
        client.once('error', onFailure);
        client.once('end', onFailure);
      });
    },

    async close() {
      // QUIT lets answers in flight arrive; when Redis cannot take it, drop the socket.
      await withDeadline(client.quit(), timeoutMs).catch(() => undefined);
      client.disconnect();
    },
  };
}
