/**
 * Parses a stored date value into a Date, throwing on garbage. Shared by the date rules so
 * they all reject a malformed value the same way instead of treating it as "no date": an
 * unreadable embargo must not quietly publish a story.
 */
export function toInstant(value: string | Date, what: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${what} is not a valid date: ${JSON.stringify(String(value))}`);
  }
  return date;
}

/**
 * The date as an instant, or null when none is set. Null, undefined and blank strings all
 * mean "no date" (a cleared datetime field in the admin arrives as null or "").
 */
export function toOptionalInstant(value: string | Date | null | undefined, what: string): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return toInstant(value, what);
}
