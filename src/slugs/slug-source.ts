import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG, TEASER, type SluggedUid } from '../uids';

/** The field each slugged type derives its slug from (its schema's uid targetField). */
export const SLUG_SOURCE_FIELD: Readonly<Record<SluggedUid, 'title' | 'name'>> = {
  [ARTICLE]: 'title',
  [TEASER]: 'title',
  [SOURCE_AGENCY]: 'name',
  [TAG]: 'name',
  [SECTION]: 'name',
  [AUTHOR]: 'name',
};

export const isSluggedUid = (uid: string): uid is SluggedUid => uid in SLUG_SOURCE_FIELD;
