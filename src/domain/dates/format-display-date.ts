/**
 * Display dates for articles. Instants are stored in UTC and formatted only when served
 * (a stored instant is always UTC), in the newsroom's time zone, so a story published at 00:30 Sofia
 * time shows that day and not the previous UTC day.
 */
import { toInstant } from './to-instant';

/**
 * `house`: the style of the news site the project is modelled on, "22 Декември, 2025"
 * (capitalised month, comma before the year). `cldr`: the CLDR long date as Intl prints it,
 * "22 декември 2025 г." (standard Bulgarian writes month names in lower case).
 */
export type DisplayDateStyle = 'house' | 'cldr';

const DISPLAY_DATE_STYLES: readonly DisplayDateStyle[] = ['house', 'cldr'];

export const DEFAULT_DISPLAY_DATE_STYLE: DisplayDateStyle = 'house';
export const DEFAULT_DISPLAY_TIME_ZONE = 'Europe/Sofia';

/**
 * Intl.DateTimeFormat objects are costly to build (a large share of a by-slug response's CPU
 * when made per call), so one per (locale, style, time zone) is kept. The set of keys is small:
 * configured locales × two styles × the configured zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    if (formatters.size < 256) formatters.set(key, found);
  }
  return found;
}

function isBulgarian(locale: string): boolean {
  // getCanonicalLocales throws a RangeError on a malformed tag, which is the error we want.
  const [canonical] = Intl.getCanonicalLocales(locale);
  return canonical !== undefined && canonical.split('-')[0] === 'bg';
}

/**
 * House style is assembled from CLDR's own parts rather than a month table, so month names
 * can never drift from what Intl prints elsewhere (house style: „22 Декември, 2025“). Only the first
 * letter is raised, with the Bulgarian locale rules.
 */
function formatHouseBg(date: Date, timeZone: string): string {
  const parts = formatter('bg-BG', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const found = parts.find((p) => p.type === type);
    if (found === undefined) {
      // Would mean a CLDR change in the runtime; failing loudly beats printing "undefined".
      throw new Error(`formatDisplayDate: Intl gave no "${type}" part for bg-BG`);
    }
    return found.value;
  };
  const month = part('month');
  const capitalised = month.charAt(0).toLocaleUpperCase('bg') + month.slice(1);
  return `${part('day')} ${capitalised}, ${part('year')}`;
}

/**
 * Formats an instant as a display date in `timeZone` (default Europe/Sofia).
 * House style applies to Bulgarian only; every other locale gets its CLDR long date
 * ("December 22, 2025"), because the capitalised-month convention is a Bulgarian site's.
 * Throws a RangeError for an invalid instant, locale or time zone.
 */
export function formatDisplayDate(
  instant: Date | string,
  locale: string,
  style: DisplayDateStyle = DEFAULT_DISPLAY_DATE_STYLE,
  timeZone: string = DEFAULT_DISPLAY_TIME_ZONE,
): string {
  const date = toInstant(instant, 'formatDisplayDate: instant');
  if (style === 'house' && isBulgarian(locale)) {
    return formatHouseBg(date, timeZone);
  }
  return formatter(locale, { dateStyle: 'long', timeZone }).format(date);
}

/**
 * Reads the style from configuration (e.g. an env var). Unset or blank means the house
 * style; an unknown value is a configuration mistake and must stop startup rather than
 * silently fall back.
 */
export function parseDisplayDateStyle(value: string | undefined): DisplayDateStyle {
  if (value === undefined) return DEFAULT_DISPLAY_DATE_STYLE;
  const normalised = value.trim().toLowerCase();
  if (normalised === '') return DEFAULT_DISPLAY_DATE_STYLE;
  const style = DISPLAY_DATE_STYLES.find((s) => s === normalised);
  if (style === undefined) {
    throw new Error(`Unknown display date style ${JSON.stringify(value)}: expected one of ${DISPLAY_DATE_STYLES.join(', ')}.`);
  }
  return style;
}
