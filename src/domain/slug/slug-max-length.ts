/** Longest slug, in characters: long enough for a full headline, short enough to share. */
export const DEFAULT_SLUG_MAX_LENGTH = 120;
