import { errors } from '@strapi/utils';
import { parseDateBound } from '../domain/search';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, SEARCH_MAX_RESULTS, type SearchQuery } from './find-search';
import { optionalSlugParam } from '../http/feed-params';
import { parseIntParam } from '../http/query-params';

export const SEARCH_PARAMS = ['q', 'locale', 'limit', 'page', 'section', 'tag', 'agency', 'author', 'from', 'to'] as const;

function dateParam(query: Record<string, unknown>, name: 'from' | 'to'): Date | undefined {
  const value = query[name];
  if (value === undefined || value === null || value === '') return undefined;
  const at = typeof value === 'string' ? parseDateBound(value, name) : null;
  if (!at) throw new errors.ValidationError(`${name} must be an ISO date (2025-12-22) or date-time with offset (2025-12-22T10:00:00Z).`);
  return at;
}

/** The search arguments of a REST query or GraphQL arguments (same names), checked: a 400 names what is wrong. */
export function searchQueryOf(raw: Record<string, unknown>, locale: string): SearchQuery {
  const text = (name: string) => (raw[name] === undefined || raw[name] === null ? undefined : String(raw[name]));
  const ints = { limit: text('limit'), page: text('page') };
  // A GraphQL variable left null means "no filter", as an absent query parameter does.
  const slugs = { section: raw.section ?? undefined, tag: raw.tag ?? undefined, agency: raw.agency ?? undefined, author: raw.author ?? undefined };
  return {
    q: raw.q,
    locale,
    limit: parseIntParam(ints, 'limit', SEARCH_DEFAULT_LIMIT, 1, SEARCH_MAX_LIMIT),
    page: parseIntParam(ints, 'page', 1, 1, SEARCH_MAX_RESULTS),
    section: optionalSlugParam(slugs, 'section'),
    tag: optionalSlugParam(slugs, 'tag'),
    agency: optionalSlugParam(slugs, 'agency'),
    author: optionalSlugParam(slugs, 'author'),
    from: dateParam(raw, 'from'),
    to: dateParam(raw, 'to'),
  };
}
