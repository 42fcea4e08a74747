/** The one place content-type UIDs are spelled out: no module builds a UID from strings. */
export const ARTICLE = 'api::article.article' as const;
export const TEASER = 'api::teaser.teaser' as const;
export const COMMENT = 'api::comment.comment' as const;
export const SOURCE_AGENCY = 'api::source-agency.source-agency' as const;
export const TAG = 'api::tag.tag' as const;
export const SECTION = 'api::section.section' as const;
export const AUTHOR = 'api::author.author' as const;
/** Strapi's media library file (upload plugin). */
export const UPLOAD_FILE = 'plugin::upload.file' as const;
/** Components. */
export const CORRECTION = 'news.correction' as const;
export const AUTHOR_LINK = 'author.link' as const;

/** Types whose public read access the Public role gets, and which carry a generated slug. */
export const PUBLIC_READ_TYPES = [ARTICLE, TEASER, SOURCE_AGENCY, TAG, SECTION, AUTHOR] as const;
export const SLUGGED_TYPES = [ARTICLE, TEASER, SOURCE_AGENCY, TAG, SECTION, AUTHOR] as const;

export type SluggedUid = (typeof SLUGGED_TYPES)[number];
