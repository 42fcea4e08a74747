export type TranslationState = 'missing' | 'outdated' | 'up-to-date';

export interface OriginalVersion {
  publicationDate?: string | Date | null;
  updatedDate?: string | Date | null;
  updatedAt?: string | Date | null;
}
export interface TranslationVersion {
  updatedAt?: string | Date | null;
}

const time = (value: string | Date | null | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
};

/**
 * When the Bulgarian original last changed in substance: its updatedDate (substantive edits
 * after first publication), else its first publication. Not its updatedAt: Strapi rewrites
 * every variant's updatedAt when shared fields are copied, and a re-publish is no change.
 * An original never published falls back to updatedAt.
 */
export function originalChangedAt(original: OriginalVersion): number | null {
  return time(original.updatedDate) ?? time(original.publicationDate) ?? time(original.updatedAt);
}

/** missing: no variant in that language; outdated: the original changed after the translation was last saved. */
export function translationState(original: OriginalVersion, translation: TranslationVersion | null | undefined): TranslationState {
  if (!translation) return 'missing';
  const changed = originalChangedAt(original);
  const translated = time(translation.updatedAt);
  if (changed !== null && translated !== null && changed > translated) return 'outdated';
  return 'up-to-date';
}
