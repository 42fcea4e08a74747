export class DeadlineExceededError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineExceededError';
  }
}

/**
 * The promise's outcome if it settles within `ms`, else a DeadlineExceededError. The work
 * itself goes on (a promise cannot be cancelled); its late outcome is dropped without an
 * unhandled rejection, and the timer is always cleared so nothing keeps the process alive.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineExceededError(ms)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Like withDeadline, for work that never rejects: `fallback` when it is not done in time. */
export function valueWithin<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  return withDeadline(work, ms).catch(() => fallback);
}
