import type { Core } from '@strapi/strapi';
import { bulgarianLocaleName, englishLocaleName } from '../domain/locales/locale-name';
import { DEFAULT_LOCALE } from '../locales';

interface LocalesService {
  findByCode(code: string): Promise<{ id: number; code: string; name: string } | null>;
  update(params: { id: number }, updates: { name: string }): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  setDefaultLocale(params: { code: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string | undefined>;
}

/**
 * Creates `bg` (the default) and the configured extra locales if they are missing, named in
 * Bulgarian („Английски“); a locale still carrying Strapi's English name ("English (en)") is
 * renamed, one an administrator renamed is left alone.
 * STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE only works on the very first boot, so the default is
 * enforced here on every boot.
 */
export async function ensureLocales(strapi: Core.Strapi, extraLocales: readonly string[]): Promise<void> {
  // Cast: strapi.service()/plugin().service() return a loose type; this names the methods used here.
  const locales = strapi.plugin('i18n').service('locales') as unknown as LocalesService;
  const codes = [DEFAULT_LOCALE, ...extraLocales.map((code) => code.trim()).filter((code) => code && code !== DEFAULT_LOCALE)];
  for (const code of codes) {
    const existing = await locales.findByCode(code);
    if (!existing) {
      await locales.create({ code, name: bulgarianLocaleName(code) });
      strapi.log.info(`[novinar] created locale ${code}`);
    } else if (existing.name === englishLocaleName(code)) {
      await locales.update({ id: existing.id }, { name: bulgarianLocaleName(code) });
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
