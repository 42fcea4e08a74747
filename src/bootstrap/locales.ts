import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../locales';

interface LocalesService {
  findByCode(code: string): Promise<{ id: number; code: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  setDefaultLocale(params: { code: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string | undefined>;
}

function localeName(code: string): string {
  const english = new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  return `${english} (${code})`;
}

/**
 * Creates `bg` (the default) and the configured extra locales if they are missing.
 * STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE only works on the very first boot, so the default is
 * enforced here on every boot.
 */
export async function ensureLocales(strapi: Core.Strapi, extraLocales: readonly string[]): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales') as unknown as LocalesService;
  const codes = [DEFAULT_LOCALE, ...extraLocales.map((code) => code.trim()).filter((code) => code && code !== DEFAULT_LOCALE)];
  for (const code of codes) {
    if (!(await locales.findByCode(code))) {
      await locales.create({ code, name: localeName(code) });
      strapi.log.info(`[novinar] created locale ${code}`);
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
