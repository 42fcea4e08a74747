/**
 * The admin panel's UI strings, read from the same catalogues the admin is built from, so the
 * tests never hard-code a label that could drift: Bulgarian from src/admin/translations/bg.json
 * (keys already carry their plugin prefix: "content-manager.containers.List.draft"), English
 * from Strapi's own packages (plugin keys get their plugin id prefixed, as the admin does).
 * Which catalogue applies is read from the page (<html lang>), see `adminLanguage`.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { ROOT } from './env';

export type Messages = Readonly<Record<string, string>>;

const readJson = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;

/** A compiled catalogue of a Strapi package (dist/…/en.json.js: `exports.default = …` or `module.exports = …`). */
function strapiCatalogue(relative: string): Record<string, string> {
  const file = path.join(ROOT, 'node_modules', '@strapi', relative);
  // Absolute path: the packages' "exports" maps do not list their translation files.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a computed path into @strapi's build output (CommonJS)
  const loaded = require(file) as Record<string, unknown> & { default?: unknown };
  const messages = (loaded.default && typeof loaded.default === 'object' ? loaded.default : loaded) as Record<string, unknown>;
  const strings = Object.entries(messages).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  if (strings.length < 10) throw new Error(`admin-i18n: ${file} does not look like a translation catalogue`);
  return Object.fromEntries(strings);
}

const prefixed = (prefix: string, messages: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${prefix}.${key}`, value]));

function english(): Messages {
  const own = path.join(ROOT, 'src', 'admin', 'translations', 'en.json');
  return {
    ...strapiCatalogue('admin/dist/admin/admin/src/translations/en.json.js'),
    ...prefixed('content-manager', strapiCatalogue('content-manager/dist/admin/translations/en.json.js')),
    ...prefixed('i18n', strapiCatalogue('i18n/dist/admin/translations/en.json.js')),
    ...(fs.existsSync(own) ? readJson(own) : {}),
  };
}

/** bg.json over English: the admin falls back to English for keys bg.json lacks. */
function bulgarian(): Messages {
  return { ...english(), ...readJson(path.join(ROOT, 'src', 'admin', 'translations', 'bg.json')) };
}

/** The Bulgarian string itself (no English fallback): for asserting the UI really is in Bulgarian. */
export function bulgarianOnly(key: string): string {
  const message = readJson(path.join(ROOT, 'src', 'admin', 'translations', 'bg.json'))[key];
  if (message === undefined) throw new Error(`admin-i18n: "${key}" is not in src/admin/translations/bg.json`);
  return message;
}

const cache = new Map<string, Messages>();

export function catalogue(language: string): Messages {
  const code = language.toLowerCase().split('-')[0] ?? 'en';
  let messages = cache.get(code);
  if (!messages) {
    if (code === 'bg') messages = bulgarian();
    else if (code === 'en') messages = english();
    else throw new Error(`admin-i18n: no catalogue for admin language "${language}"`);
    cache.set(code, messages);
  }
  return messages;
}

/** The admin's UI language as the page declares it (the admin sets <html lang>). */
export async function adminLanguage(page: Page): Promise<string> {
  const lang = await page.locator('html').getAttribute('lang');
  return lang && lang.trim() !== '' ? lang.trim() : 'en';
}

/** A translator for one language: t('global.save') → "Запази"; throws on an unknown key. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translator(language: string): Translate {
  const messages = catalogue(language);
  return (key, values = {}) => {
    const message = messages[key];
    if (message === undefined) throw new Error(`admin-i18n: "${key}" is not in the ${language} admin catalogue`);
    // Plain {name} placeholders only: the tests never need ICU plural/select messages.
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

/** An exact, whole-string matcher for getByRole({ name }) / getByText. */
export const exactly = (text: string): RegExp => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
