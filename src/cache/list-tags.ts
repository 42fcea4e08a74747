import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../uids';
import { listTag } from './response-cache';

const PLURALS: Record<string, string> = {
  articles: ARTICLE,
  teasers: TEASER,
  'source-agencies': SOURCE_AGENCY,
  tags: TAG,
  sections: SECTION,
  authors: AUTHOR,
};

/**
 * Which collections a REST path lists: a new, removed or re-dated document of these can change
 * the response even though the response does not show it yet. Single-document and by-slug
 * routes depend only on the documents they show (plus the tags their controllers add).
 */
export function listTagsForPath(path: string): string[] {
  const [, api, plural, ...rest] = path.split('/');
  if (api !== 'api' || !plural) return [];
  if (plural === 'teasers' && (rest.length === 0 || rest[0] === 'latest')) return [listTag(ARTICLE), listTag(TEASER)];
  if (rest.length === 0 && PLURALS[plural]) return [listTag(PLURALS[plural]), ...(plural === 'articles' ? [] : [listTag(ARTICLE)])];
  if (plural === 'i18n') return [listTag('plugin::i18n.locale')];
  return [];
}

/**
 * The list tags of a REST request: those of its path, and, when the query populates relations or
 * filters on them, the article and teaser list tags too. A populated or filtered answer depends on
 * documents it may not show yet (a tag's `populate[articles]` misses the story published after it
 * was cached; `filters[articles][slug]` matches a story that is later taken down), so it goes
 * stale on any article or teaser going public or away, as lists do. Agencies, tags and sections
 * need no tag of their own: any write to them drops the whole cache.
 */
export function listTagsForRequest(path: string, query: Readonly<Record<string, unknown>>): string[] {
  const own = listTagsForPath(path);
  if (query.populate === undefined && query.filters === undefined) return own;
  return [...new Set([...own, listTag(ARTICLE), listTag(TEASER)])];
}
