export { cutAtWordBoundary } from './cut-at-word-boundary';
export { nextFreeSlug } from './next-free-slug';
export { DEFAULT_SLUG_MAX_LENGTH } from './slug-max-length';
export { isGeneratedSlug, slugOnUpdate } from './slug-on-update';
export type { SlugOnUpdate, SlugUpdateFacts } from './slug-on-update';
export { slugifyTitle } from './slugify-title';
export type { SlugifyTitleOptions } from './slugify-title';
export { transliterateBg } from './transliterate-bg';
export { SLUG_PATTERN, validateSlug } from './validate-slug';
