import type { Core } from '@strapi/strapi';
import { now } from '../clock';
import { ARTICLE, PUBLIC_READ_TYPES, TEASER } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Filters = Record<string, unknown>;
type Populate = Record<string, unknown>;

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const PUBLIC_UIDS = new Set<string>(PUBLIC_READ_TYPES);
/** Content-API token strategies: 'content-api-token' since Strapi 5.5x, 'api-token' before. */
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
}

/**
 * Whether a content-API request may read drafts and embargoed stories: only callers holding an
 * API token (the front end's preview) may. Strapi 5 lets any caller with `find` permission pass
 * `?status=draft` (REST) or `status: DRAFT` (GraphQL).
 */
export function isPrivilegedRequest(state: RequestState | undefined): boolean {
  if (state?.route?.info?.type !== 'content-api') return true;
  return TOKEN_STRATEGIES.has(state.auth?.strategy?.name ?? '');
}

/** An article is out when its publicationDate has passed (an empty one counts as out). */
export function articleReleasedFilter(at: Date): Filters {
  return { $or: [{ publicationDate: { $null: true } }, { publicationDate: { $lte: at.toISOString() } }] };
}

/**
 * A teaser is out when it promotes a released article, or an external url. A teaser with
 * neither (e.g. left behind when an editor made a second teaser for the same story) is not.
 */
export function teaserReleasedFilter(at: Date): Filters {
  // The article must exist: through a LEFT JOIN a missing article would pass "publicationDate is null".
  return {
    $or: [
      { url: { $notNull: true }, article: { id: { $null: true } } },
      { article: { $and: [{ id: { $notNull: true } }, articleReleasedFilter(at)] } },
    ],
  };
}

const and = (filters: unknown, extra: Filters): Filters => (filters ? { $and: [filters, extra] } : extra);

type ContentTypes = Core.Strapi['contentTypes'];

/** Adds the release filter to every populated relation that targets articles, at any depth. */
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
    const target = attributes[name]?.type === 'relation' ? attributes[name].target : undefined;
    if (!target || value === false) continue;
    const options: Populate = value && typeof value === 'object' ? { ...(value as Populate) } : {};
    if (options.populate) options.populate = filterPopulate(options.populate, target, contentTypes, at);
    if (target === ARTICLE) options.filters = and(options.filters, articleReleasedFilter(at));
    if (target === TEASER) options.filters = and(options.filters, teaserReleasedFilter(at));
    expanded[name] = options;
  }
  return expanded;
}

/**
 * Document Service middleware for public content-API reads: only published documents, and no
 * embargoed article (publicationDate in the future) anywhere, including populated relations.
 * Filtering on the clock at read time makes a story appear the moment its embargo ends,
 * without anyone acting.
 */
export function publicVisibilityMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (!PUBLIC_UIDS.has(context.uid) || !READ_ACTIONS.has(context.action)) return next();
    const state = strapi.requestContext.get()?.state as RequestState | undefined;
    if (isPrivilegedRequest(state)) return next();
    const params = context.params as { status?: string; filters?: unknown; populate?: unknown };
    const at = now();
    params.status = 'published';
    if (context.uid === ARTICLE) params.filters = and(params.filters, articleReleasedFilter(at));
    if (context.uid === TEASER) params.filters = and(params.filters, teaserReleasedFilter(at));
    if (params.populate) params.populate = filterPopulate(params.populate, context.uid, strapi.contentTypes, at);
    return next();
  };
}
