/**
 * A circuit breaker as a pure state machine: the adapter (src/redis/guarded-redis.ts) asks it
 * before each call and reports each outcome; time is a parameter, so every path is tested with
 * plain numbers.
 *
 * - closed: calls go out; `failureThreshold` failures in a row (errors or deadline misses) open it.
 * - open: no call goes out until `cooldownMs` have passed; then exactly one trial call may.
 * - half-open: the trial is out and every other call is refused; its success closes the
 *   breaker, its failure opens it for another cooldown.
 *
 * Why consecutive failures and not an error rate over a window: a cache that times out three
 * times in a row is gone for practical purposes, and a count needs no clock-driven bookkeeping.
 * Why not opossum (the maintained Node breaker): it wraps one action per breaker where every
 * Redis call of the app shares one, judges by error percentage over a rolling window run on its
 * own timers (not testable with time as a parameter), and its current major needs Node >= 22.
 */

export interface BreakerSettings {
  /** Failed calls in a row that open the breaker (at least 1). */
  failureThreshold: number;
  /** How long an open breaker refuses calls before one trial call may go out. */
  cooldownMs: number;
}

export type BreakerState =
  | { readonly status: 'closed'; readonly failures: number }
  | { readonly status: 'open'; readonly retryAt: number }
  | { readonly status: 'half-open'; readonly trialStartedAt: number };

export const CLOSED_BREAKER: BreakerState = Object.freeze({ status: 'closed', failures: 0 });

/** What the caller may do now: an ordinary call, the one trial call, or no call at all. */
export type BreakerPermit = 'call' | 'trial' | 'refuse';

/**
 * The changes operators hear about, once per outage: `opened` when a working backend starts
 * failing, `closed` when a trial call finds it back. A failed trial re-opens silently.
 */
export type BreakerTransition = 'opened' | 'closed' | null;

export interface Outcome {
  ok: boolean;
  /** Whether this was the trial call a half-open breaker let through. */
  trial: boolean;
  at: number;
}

export function askBreaker(state: BreakerState, at: number, settings: BreakerSettings): { state: BreakerState; permit: BreakerPermit } {
  switch (state.status) {
    case 'closed':
      return { state, permit: 'call' };
    case 'open':
      return at >= state.retryAt ? { state: { status: 'half-open', trialStartedAt: at }, permit: 'trial' } : { state, permit: 'refuse' };
    case 'half-open':
      // A trial that never reported back (the caller died with it) must not hold the breaker
      // half-open for ever: after another cooldown a new trial may go.
      return at - state.trialStartedAt >= atLeast(settings.cooldownMs, 0)
        ? { state: { status: 'half-open', trialStartedAt: at }, permit: 'trial' }
        : { state, permit: 'refuse' };
  }
}

/** Settings from the environment may be missing or malformed; a NaN must not disable the breaker. */
const atLeast = (value: number, min: number): number => (Number.isFinite(value) ? Math.max(min, value) : min);

export function recordOutcome(state: BreakerState, outcome: Outcome, settings: BreakerSettings): { state: BreakerState; transition: BreakerTransition } {
  const reopen = (): BreakerState => ({ status: 'open', retryAt: outcome.at + atLeast(settings.cooldownMs, 0) });
  switch (state.status) {
    case 'closed': {
      if (outcome.ok) return { state: state.failures === 0 ? state : CLOSED_BREAKER, transition: null };
      const failures = state.failures + 1;
      return failures >= atLeast(settings.failureThreshold, 1)
        ? { state: reopen(), transition: 'opened' }
        : { state: { status: 'closed', failures }, transition: null };
    }
    case 'open':
      // Late answers to calls sent before it opened say nothing about the backend now.
      return { state, transition: null };
    case 'half-open':
      if (!outcome.trial) return { state, transition: null };
      return outcome.ok ? { state: CLOSED_BREAKER, transition: 'closed' } : { state: reopen(), transition: null };
  }
}
