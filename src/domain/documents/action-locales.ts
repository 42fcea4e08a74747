/**
 * The locale variants a Document Service action (publish, unpublish, delete) works on. Strapi
 * applies its default locale when none is given (`internationalization.defaultLocale` runs
 * before the lookup in every one of these actions), so a plain `delete({ documentId })`
 * removes the default-locale variant only; `'*'` means every variant, and an array the listed
 * ones. Side effects of the action must follow the same rule, or they clean up variants that
 * still exist.
 */
export function actionLocales(requested: unknown, defaultLocale: string, existing: readonly string[]): string[] {
  if (requested === '*') return [...new Set(existing)].sort();
  if (typeof requested === 'string' && requested !== '') return [requested];
  if (Array.isArray(requested)) return [...new Set(requested.filter((locale): locale is string => typeof locale === 'string' && locale !== ''))].sort();
  return [defaultLocale];
}
