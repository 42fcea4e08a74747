import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canonicalApiPath } from '../domain/http/canonical-api-path';
import { createAuthorizationCheck } from '../http/authorization-check';

interface Ctx {
  method: string;
  path: string;
  querystring: string;
  status: number;
  body: unknown;
  get(name: string): string;
  set(name: string, value: string): void;
}

/**
 * Runs before anything else touches a public API request (REST under /api, GraphQL):
 * - a NUL character (%00) in the path or query is a 400;
 * - media-file and user listings (`/api/upload/files`, `/api/users`) are 404;
 * - a GET or HEAD whose path is not in canonical spelling (upper-case letters, trailing slash,
 *   `//`) gets a 301 to the canonical path with the query string as sent. Strapi's router would
 *   answer it, but under a cache key and list tags of its own that no publish drops; only one
 *   spelling is served, and the response cache keys on it. Other methods are not redirected
 *   (a client may repeat a redirected POST as a GET) and are not cached either.
 * - a request with an Authorization header that authenticates nobody (another scheme than Bearer,
 *   or a Bearer that is neither a content-API token nor a users-permissions JWT) gets a 401.
 *   Strapi would serve it as the Public role on public routes, and the response cache skips any
 *   request with that header: a free way past the cache. Valid credentials go on as before.
 */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Listings a read grant would open (a signed-in user's own `/api/users/me` stays). */
const UNLISTED = /^\/api\/(upload\/files|users(?!\/me(\/|$))|users-permissions\/roles)(\/|$)/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const authenticatesAnyone = createAuthorizationCheck(strapi, { maxEntries: 10_000, ttlMs: 30_000 });
  return async (rawCtx: unknown, next: () => Promise<void>) => {
    const ctx = rawCtx as Ctx;
    const canonical = canonicalApiPath(ctx.path);
    if (canonical === null) return next();
    // Koa's router answers methods it does not know (TRACE, PROPFIND…) with a 501.
    if (!KNOWN_METHODS.has(ctx.method)) {
      ctx.set('Allow', [...KNOWN_METHODS].join(', '));
      ctx.status = 405;
      ctx.body = { data: null, error: { status: 405, name: 'MethodNotAllowedError', message: `Method ${ctx.method} is not allowed.`, details: {} } };
      return;
    }
    // PostgreSQL text cannot hold NUL: a NUL anywhere in the path or query would fail in SQL.
    if ([ctx.path, ctx.querystring].some((part) => /%00/i.test(part) || part.includes('\u0000'))) {
      throw new errors.ValidationError('The path and query must not contain a NUL character (%00).');
    }
    if (canonical !== ctx.path && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
      const location = ctx.querystring ? `${canonical}?${ctx.querystring}` : canonical;
      ctx.status = 301;
      ctx.set('Location', location);
      ctx.body = { data: null, meta: { redirect: { location } } };
      return;
    }
    // Media files and reader accounts are not listed on the content API (a read-only token's
    // grant would open them; a file lists every row that uses it, drafts included).
    if (ctx.method !== 'POST' && UNLISTED.test(canonical)) {
      ctx.status = 404;
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
      return;
    }
    const authorization = ctx.get('authorization');
    if (authorization && !(await authenticatesAnyone(authorization))) {
      // Names the scheme that would work; Bearer does not make a browser open a login dialog.
      ctx.set('WWW-Authenticate', 'Bearer');
      throw new errors.UnauthorizedError(
        'Invalid credentials: send a valid API token or user JWT as "Authorization: Bearer <token>", or no Authorization header for public content.',
      );
    }
    return next();
  };
};
