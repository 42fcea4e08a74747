/**
 * The newsroom's original language: every article is written in `bg` first and translated
 * from it; the default of every locale parameter and the locale whose variants own shared
 * (non-localized) fields.
 */
export const DEFAULT_LOCALE = 'bg';
