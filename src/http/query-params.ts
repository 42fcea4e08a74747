import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE } from '../locales';

type Query = Record<string, unknown>;

/**
 * Custom routes are not covered by Strapi's rest.strictParams, so they check their own query:
 * an unknown key is a 400 naming it, as on the core routes.
 */
export function assertOnlyParams(query: Query, allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new errors.ValidationError(`Invalid query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Allowed: ${allowed.join(', ')}.`);
  }
}

/** The request's locale: `bg` when absent, a 400 when it is not one of the site's locales. */
export async function resolveLocale(strapi: Core.Strapi, value: unknown): Promise<string> {
  if (value === undefined || value === '') return DEFAULT_LOCALE;
  if (typeof value !== 'string' || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)) {
    throw new errors.ValidationError('locale must be a locale code such as "bg" or "en".');
  }
  if (!(await knownLocales(strapi)).has(value)) throw new errors.ValidationError(`Unknown locale "${value}".`);
  return value;
}

const LOCALES_TTL_MS = 60_000;
let localesCache: { codes: Set<string>; expires: number } | null = null;

/** The site's locale codes, re-read at most once a minute: every public read checks its locale. */
export async function knownLocales(strapi: Core.Strapi): Promise<Set<string>> {
  if (localesCache && localesCache.expires > Date.now()) return localesCache.codes;
  const rows = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
  localesCache = { codes: new Set(rows.map((row) => row.code)), expires: Date.now() + LOCALES_TTL_MS };
  return localesCache.codes;
}

/** A positive integer query parameter within bounds, or a 400 naming it. */
export function parseIntParam(query: Query, name: string, fallback: number, min: number, max: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new errors.ValidationError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
