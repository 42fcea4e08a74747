import { execFileSync } from 'child_process';

/**
 * The Redis of the dev/CI machine. Tests use database 7, never 0, so that they cannot touch a
 * developer's data; CLIENT PAUSE still pauses the whole server.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/7';

/** A local port nothing listens on: "Redis is down". */
export const CLOSED_REDIS_URL = process.env.TEST_CLOSED_REDIS_URL ?? 'redis://127.0.0.1:6390/7';

/**
 * Whether Redis answers PING, decided synchronously (in a child process) so that a suite can
 * choose between `describe` and `describe.skip` when it is defined. The wait outlasts a
 * CLIENT PAUSE left by another suite: a paused Redis is there.
 */
function redisAnswers(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `
    const socket = require('net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname)});
    socket.setTimeout(5000, () => process.exit(1));
    socket.on('error', () => process.exit(1));
    socket.on('connect', () => socket.write('PING\\r\\n'));
    socket.on('data', (data) => process.exit(String(data).startsWith('+PONG') ? 0 : 1));`;
  try {
    execFileSync(process.execPath, ['-e', probe], { timeout: 8000, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const reachable = new Map<string, boolean>();

/** Whether Redis answers at `url` (asked once per host and port per test file). */
export function redisReachable(url = TEST_REDIS_URL): boolean {
  const { host } = new URL(url);
  if (!reachable.has(host)) reachable.set(host, redisAnswers(url));
  return reachable.get(host) === true;
}

/** `describe` when the test Redis answers, else `describe.skip` with a message saying why. */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisReachable()) {
    describe(name, body);
    return;
  }
  // Jest has no skip reason of its own: say it on the console.
  console.warn(`Skipping "${name}": no Redis answers at ${TEST_REDIS_URL} (set TEST_REDIS_URL).`);
  describe.skip(name, body);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns true, up to `attempts` times; a generous bound, not a timing assertion. */
export async function eventually(check: () => Promise<boolean>, attempts = 80, everyMs = 250): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return false;
}

export interface RedisPause {
  /**
   * Resolves when the server takes commands again (a PING sent during the pause is answered).
   * Await it before a test ends, so the next suite finds Redis running and no client is left open.
   */
  ended: Promise<void>;
}

/**
 * Pauses the whole test Redis server with CLIENT PAUSE <ms> ALL from a client of its own, as
 * an SRE's fault injection would: every connection stays open and nothing is answered.
 */
export async function pauseRedis(ms: number, url = TEST_REDIS_URL): Promise<RedisPause> {
  const Redis = (await import('ioredis')).default;
  const pauser = new Redis(url);
  await pauser.call('CLIENT', 'PAUSE', String(ms), 'ALL');
  const ended = pauser.ping().then(async () => {
    await pauser.quit();
  });
  return { ended };
}

/** Whether `work` settles before `event` happens: ordering, not a timing threshold. */
export async function settlesBefore(work: Promise<unknown>, event: Promise<unknown>): Promise<boolean> {
  const first = await Promise.race([
    work.then(
      () => 'work',
      () => 'work',
    ),
    event.then(() => 'event'),
  ]);
  await Promise.allSettled([work]);
  return first === 'work';
}
