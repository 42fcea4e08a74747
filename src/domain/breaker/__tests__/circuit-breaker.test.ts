import {
  CLOSED_BREAKER,
  askBreaker,
  recordOutcome,
  type BreakerPermit,
  type BreakerSettings,
  type BreakerState,
  type BreakerTransition,
  type Outcome,
} from '../circuit-breaker';

const SETTINGS: BreakerSettings = { failureThreshold: 3, cooldownMs: 5000 };
const closed = (failures: number): BreakerState => ({ status: 'closed', failures });
const open = (retryAt: number): BreakerState => ({ status: 'open', retryAt });
const halfOpen = (trialStartedAt: number): BreakerState => ({ status: 'half-open', trialStartedAt });

describe('askBreaker', () => {
  test.each<[string, BreakerState, number, BreakerState, BreakerPermit]>([
    ['closed lets every call out', closed(0), 1000, closed(0), 'call'],
    ['closed with failures still lets calls out', closed(2), 1000, closed(2), 'call'],
    ['open refuses before the cooldown ends', open(6000), 5999, open(6000), 'refuse'],
    ['open lets one trial out when the cooldown ends', open(6000), 6000, halfOpen(6000), 'trial'],
    ['open lets one trial out long after the cooldown', open(6000), 60_000, halfOpen(60_000), 'trial'],
    ['half-open refuses everything but the trial', halfOpen(6000), 6050, halfOpen(6000), 'refuse'],
    ['half-open refuses until a lost trial is a cooldown old', halfOpen(6000), 10_999, halfOpen(6000), 'refuse'],
    ['half-open lets a new trial out when the last one never reported', halfOpen(6000), 11_000, halfOpen(11_000), 'trial'],
  ])('%s', (_label, state, at, expectedState, expectedPermit) => {
    expect(askBreaker(state, at, SETTINGS)).toEqual({ state: expectedState, permit: expectedPermit });
  });
});

describe('recordOutcome', () => {
  const ok = (at: number, trial = false): Outcome => ({ ok: true, trial, at });
  const failed = (at: number, trial = false): Outcome => ({ ok: false, trial, at });

  test.each<[string, BreakerState, Outcome, BreakerState, BreakerTransition]>([
    ['a success keeps a healthy breaker closed', closed(0), ok(1000), closed(0), null],
    ['a success forgets earlier failures', closed(2), ok(1000), closed(0), null],
    ['a first failure is counted', closed(0), failed(1000), closed(1), null],
    ['failures below the threshold keep it closed', closed(1), failed(1000), closed(2), null],
    ['the threshold-th failure in a row opens it for a cooldown', closed(2), failed(1000), open(6000), 'opened'],
    ['late successes do not close an open breaker', open(6000), ok(1200), open(6000), null],
    ['late failures do not extend the cooldown', open(6000), failed(1200), open(6000), null],
    ['a successful trial closes it', halfOpen(6000), ok(6040, true), closed(0), 'closed'],
    ['a failed trial re-opens it quietly for another cooldown', halfOpen(6000), failed(6100, true), open(11_100), null],
    ['a late non-trial success does not decide for the trial', halfOpen(6000), ok(6010), halfOpen(6000), null],
    ['a late non-trial failure does not decide for the trial', halfOpen(6000), failed(6010), halfOpen(6000), null],
  ])('%s', (_label, state, outcome, expectedState, expectedTransition) => {
    expect(recordOutcome(state, outcome, SETTINGS)).toEqual({ state: expectedState, transition: expectedTransition });
  });

  test.each([0, -1, Number.NaN])('a threshold of %p opens on the first failure', (failureThreshold) => {
    expect(recordOutcome(CLOSED_BREAKER, failed(0), { failureThreshold, cooldownMs: 100 })).toEqual({ state: open(100), transition: 'opened' });
  });
});

describe('a whole outage', () => {
  /** Replays asks and outcomes in time order and keeps what an operator would see. */
  function replay(steps: Array<['ask', number] | ['result', boolean, number]>) {
    let state: BreakerState = CLOSED_BREAKER;
    let trial = false;
    const permits: BreakerPermit[] = [];
    const transitions: BreakerTransition[] = [];
    for (const step of steps) {
      if (step[0] === 'ask') {
        const asked = askBreaker(state, step[1], SETTINGS);
        state = asked.state;
        trial = asked.permit === 'trial';
        permits.push(asked.permit);
      } else {
        const recorded = recordOutcome(state, { ok: step[1], trial, at: step[2] }, SETTINGS);
        state = recorded.state;
        if (recorded.transition) transitions.push(recorded.transition);
      }
    }
    return { permits, transitions, state };
  }

  test('opens once, refuses during cooldowns, re-opens quietly, closes once', () => {
    const { permits, transitions, state } = replay([
      ['ask', 0],
      ['result', false, 100],
      ['ask', 100],
      ['result', false, 200],
      ['ask', 200],
      ['result', false, 300], // opens until 5300
      ['ask', 1000],
      ['ask', 5299],
      ['ask', 5300],
      ['ask', 5310],
      ['result', false, 5400], // failed trial: open until 10400
      ['ask', 6000],
      ['ask', 10_400],
      ['result', true, 10_401],
      ['ask', 10_402],
    ]);
    expect(permits).toEqual(['call', 'call', 'call', 'refuse', 'refuse', 'trial', 'refuse', 'refuse', 'trial', 'call']);
    expect(transitions).toEqual(['opened', 'closed']);
    expect(state).toEqual(CLOSED_BREAKER);
  });

  test('failures that are not in a row never open it', () => {
    const { transitions } = replay([
      ['ask', 0],
      ['result', false, 1],
      ['ask', 2],
      ['result', false, 3],
      ['ask', 4],
      ['result', true, 5],
      ['ask', 6],
      ['result', false, 7],
      ['ask', 8],
      ['result', false, 9],
    ]);
    expect(transitions).toEqual([]);
  });
});
