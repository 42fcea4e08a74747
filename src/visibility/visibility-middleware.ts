import type { Core } from '@strapi/strapi';
import { now } from '../clock';
import { ARTICLE, PUBLIC_READ_TYPES, TEASER } from '../uids';
import { currentReadAccess } from './access';
import { articleReleasedFilter, teaserReleasedFilter } from './release-rule';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Filters = Record<string, unknown>;
type Populate = Record<string, unknown>;
type ContentTypes = Core.Strapi['contentTypes'];

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const PUBLIC_UIDS = new Set<string>(PUBLIC_READ_TYPES);

const and = (filters: unknown, extra: Filters): Filters => (filters ? { $and: [filters, extra] } : extra);

/** The release filter for a uid, if it has one. */
function releaseFilterFor(uid: string, at: Date): Filters | null {
  if (uid === ARTICLE) return articleReleasedFilter(at);
  if (uid === TEASER) return teaserReleasedFilter(at);
  return null;
}

/** Adds the release filter to every populated relation that targets articles or teasers, at any depth. */
export function filterPopulate(populate: unknown, uid: string, contentTypes: ContentTypes, at: Date): unknown {
  const attributes = (contentTypes[uid as keyof ContentTypes]?.attributes ?? {}) as Record<string, { type: string; target?: string }>;
  const relationNames = Object.keys(attributes).filter((name) => attributes[name].type === 'relation');
  let expanded: Populate;
  if (populate === '*' || populate === true) expanded = Object.fromEntries(relationNames.map((name) => [name, true]));
  else if (typeof populate === 'string') expanded = Object.fromEntries(populate.split(',').map((name) => [name.trim(), true]));
  else if (Array.isArray(populate)) expanded = Object.fromEntries(populate.map((name) => [String(name), true]));
  else if (populate && typeof populate === 'object') expanded = { ...(populate as Populate) };
  else return populate;

  for (const [name, value] of Object.entries(expanded)) {
    // A file's own relations (`related`: every row using it, drafts included) are never public.
    if (attributes[name]?.type === 'media' && value && typeof value === 'object' && 'populate' in value) {
      const { populate: _dropped, ...media } = value as Populate;
      expanded[name] = media;
      continue;
    }
    const target = attributes[name]?.type === 'relation' ? attributes[name].target : undefined;
    if (!target || value === false) continue;
    const options: Populate = value && typeof value === 'object' ? { ...(value as Populate) } : {};
    if (options.populate) options.populate = filterPopulate(options.populate, target, contentTypes, at);
    const release = releaseFilterFor(target, at);
    if (release) options.filters = and(options.filters, release);
    expanded[name] = options;
  }
  return expanded;
}

/**
 * Document Service middleware for content-API reads of the public types. Unless the caller
 * previews (API token + status=draft), only published documents, and no embargoed story anywhere,
 * including populated relations at any depth; Strapi's draft-telling `publicationFilter` /
 * `hasPublishedVersion` are dropped. Filtering on the clock at read time makes a story appear the
 * moment its embargo ends, without anyone acting.
 */
export function visibilityMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (!PUBLIC_UIDS.has(context.uid) || !READ_ACTIONS.has(context.action)) return next();
    const params = context.params as { status?: string; filters?: unknown; populate?: unknown; publicationFilter?: unknown; hasPublishedVersion?: unknown };
    if (currentReadAccess(strapi, params.status) !== 'public') return next();
    const at = now();
    params.status = 'published';
    delete params.publicationFilter;
    delete params.hasPublishedVersion;
    const release = releaseFilterFor(context.uid, at);
    if (release) params.filters = and(params.filters, release);
    if (params.populate) params.populate = filterPopulate(params.populate, context.uid, strapi.contentTypes, at);
    return next();
  };
}
