/**
 * hreflang alternates of a page: one per published locale variant, itself included, and
 * `x-default` pointing at the default-locale variant when there is one. Google requires the
 * set to be the same on every variant (reciprocal links) and absolute URLs
 * (Google Search Central, "Localized versions of your pages").
 */
export interface Variant {
  locale: string;
  url: string;
}
export interface Alternate {
  hreflang: string;
  href: string;
}

export function hreflangAlternates(variants: readonly Variant[], defaultLocale: string): Alternate[] {
  const sorted = [...variants].sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0));
  const alternates = sorted.map((variant) => ({ hreflang: variant.locale, href: variant.url }));
  const fallback = sorted.find((variant) => variant.locale === defaultLocale);
  return fallback ? [...alternates, { hreflang: 'x-default', href: fallback.url }] : alternates;
}

/**
 * Open Graph's `og:locale` form (language_TERRITORY) of a BCP 47 code, the territory taken
 * from CLDR's likely subtags (`bg` → `bg_BG`, `en` → `en_US`).
 */
export function openGraphLocale(locale: string): string {
  try {
    const full = new Intl.Locale(locale).maximize();
    return full.region ? `${full.language}_${full.region}` : full.language;
  } catch {
    return locale.replace('-', '_');
  }
}
