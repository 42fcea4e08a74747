const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/u;
const DAY_MS = 86_400_000;

/**
 * A `from`/`to` bound of a search: an ISO date (a whole UTC day: `from` its start, `to` its end)
 * or an ISO date-time with offset. Returns the instant bound (`to` exclusive), or null when the
 * text is neither (the caller answers 400).
 */
export function parseDateBound(text: string, side: 'from' | 'to'): Date | null {
  if (!DATE_ONLY.test(text) && !DATE_TIME.test(text)) return null;
  const at = Date.parse(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at) || at < Date.UTC(1, 0, 1) || at > Date.UTC(9999, 11, 30)) return null;
  return new Date(DATE_ONLY.test(text) && side === 'to' ? at + DAY_MS : at + (side === 'to' ? 1 : 0));
}
