/**
 * Names of the site's languages as the admin shows them (the locale picker, the list's language
 * column, Settings → Internationalization). From CLDR through Intl.DisplayNames, never a table
 * of our own: `bg` → „Български“, `en` → „Английски“. CLDR writes language names in lower case,
 * as Bulgarian does inside a sentence; a name standing alone as a label starts with a capital.
 */
export function bulgarianLocaleName(code: string): string {
  const name = new Intl.DisplayNames(['bg'], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase('bg') + name.slice(1);
}

/** The name Strapi (and earlier versions of this app) gave a locale: "English (en)". */
export function englishLocaleName(code: string): string {
  const english = new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  return `${english} (${code})`;
}
