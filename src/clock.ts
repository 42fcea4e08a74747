/**
 * The app's notion of "now". Everything time-dependent (publication stamps, embargo, comment
 * windows) asks this clock, so tests can move time instead of waiting for it.
 */
let override: (() => Date) | null = null;

export function now(): Date {
  return override ? override() : new Date();
}

/** Test hook: fix the clock (pass null to restore real time). */
export function setClock(fn: (() => Date) | null): void {
  override = fn;
}
