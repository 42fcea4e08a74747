/**
 * Instants both databases can store: years 1 to 9999 (UTC). JavaScript parses dates far outside
 * that (year −271821 …), which PostgreSQL's timestamp refuses with an error.
 */
export const EARLIEST_STORABLE_MS = -62135596800000;
export const LATEST_STORABLE_MS = 253402300799999;

export function isStorableInstant(text: string): boolean {
  const at = Date.parse(text);
  return !Number.isNaN(at) && at >= EARLIEST_STORABLE_MS && at <= LATEST_STORABLE_MS;
}
