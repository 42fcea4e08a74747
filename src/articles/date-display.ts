import type { Core } from '@strapi/strapi';
import { formatDisplayDate, parseDisplayDateStyle } from '../domain/dates';

type Entry = Record<string, unknown>;

const DATE_FIELDS = ['publicationDate', 'updatedDate'] as const;

/**
 * Adds `<field>Display` next to each date: the date as printed for the entry's locale in
 * Europe/Sofia (house style or CLDR, per DATE_DISPLAY_STYLE). Formatted strings are derived
 * when serving, never stored: instants are stored in UTC and printed per reader's locale.
 */
export function withDisplayDates<T extends Entry>(strapi: Core.Strapi, entry: T, fallbackLocale = 'bg'): T & Entry {
  const style = parseDisplayDateStyle(strapi.config.get('novinar.dateDisplayStyle') as string | undefined);
  const locale = typeof entry.locale === 'string' ? entry.locale : fallbackLocale;
  const out: Entry = { ...entry };
  for (const field of DATE_FIELDS) {
    if (!(field in entry)) continue;
    const value = entry[field];
    out[`${field}Display`] = typeof value === 'string' && value ? formatDisplayDate(value, locale, style) : null;
  }
  return out as T & Entry;
}
