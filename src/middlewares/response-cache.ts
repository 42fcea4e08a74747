import type { Core } from '@strapi/strapi';
import { bodilessReadKey, collectDocumentIds, isCacheableGraphqlQuery, sha1 } from '../cache/cache-key';
import type { CachedResponse } from '../cache/cache-store';
import { listTagsForRequest } from '../cache/list-tags';
import { GRAPHQL_TAG, cacheStore, docTag, nextEmbargoRelease, refreshNextEmbargoRelease } from '../cache/response-cache';
import { now } from '../clock';
import { readJsonBody } from '../http/read-json-body';
import { canonicalApiPath } from '../domain/http/canonical-api-path';

export interface CacheSettings {
  enabled: boolean;
  ttlSeconds: number;
  maxEntries: number;
  maxBytes: number;
  maxAgeSeconds: number;
  sMaxAgeSeconds: number;
}

interface Ctx {
  method: string;
  path: string;
  querystring: string;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  fresh: boolean;
  type: string;
  state: { cacheTags?: string[]; cacheLookup?: CacheLookup; cacheAnswer?: CacheLookup };
  request: { body?: { query?: unknown; variables?: unknown; operationName?: unknown } };
  response: { get(name: string): string };
  get(name: string): string;
  set(name: string, value: string): void;
  vary(field: string): void;
}

/**
 * An entry and the key it is stored under. The cache front (src/middlewares/cache-front.ts)
 * hands down the entry it already read (`ctx.state.cacheLookup`: one store read per request),
 * and learns from `ctx.state.cacheAnswer` which entry answered, to answer the next identical
 * request itself.
 */
export interface CacheLookup {
  key: string;
  entry: CachedResponse | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function respond(ctx: Ctx, key: string, entry: CachedResponse, state: 'HIT' | 'MISS' | 'BYPASS', settings: CacheSettings): void {
  if (state !== 'BYPASS') ctx.state.cacheAnswer = { key, entry };
  ctx.set('ETag', entry.etag);
  if (entry.lastModified) ctx.set('Last-Modified', entry.lastModified);
  ctx.set('Cache-Control', `public, max-age=${settings.maxAgeSeconds}, s-maxage=${settings.sMaxAgeSeconds}`);
  ctx.set('X-Cache', state);
  // Browsers and CDNs must not answer a request with credentials (a preview with status=draft,
  // say) from the public copy of the same URL.
  ctx.vary('Authorization');
  ctx.status = 200;
  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.fresh) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.type = entry.contentType;
  ctx.body = entry.body;
}

/**
 * Response cache and HTTP caching for public reads (REST GETs and HEADs under /api, and GraphQL
 * queries).
 * - REST entries are keyed by the canonical path (the api-request-guard middleware has already
 *   redirected other spellings; one that gets here anyway is not cached) and the query string in
 *   canonical order (src/cache/cache-key.ts), which keeps locale, status and every other
 *   parameter. HEAD shares GET's entries: Strapi runs the same action for both.
 * - Requests with an Authorization header (API tokens: drafts and previews; logged-in users; the
 *   guard has refused headers that authenticate nobody) are never served from or stored in the
 *   cache and are marked `private, no-store`.
 * - Entries are tagged with the documents they show and the collections they list or may show
 *   through `populate` and `filters` (src/cache/list-tags.ts), and are invalidated by write-time
 *   code (src/cache/cache-invalidation-middleware.ts); GraphQL entries (whose selections may
 *   omit documentId) share one tag dropped on any content change.
 * - No entry outlives the next embargo release, so a story appears at its moment.
 * - Every public 200 gets an ETag and Cache-Control for CDNs; a matching If-None-Match is a 304.
 * Written here rather than with @strapi-community/plugin-rest-cache, whose invalidation is per
 * content type and cannot see what our custom feeds depend on.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (rawCtx: unknown, next: () => Promise<void>) => {
    const ctx = rawCtx as Ctx;
    const canonical = canonicalApiPath(ctx.path);
    // REST reads, and GraphQL over GET (queries only: Apollo refuses a mutation there with a 405)
    // and automatic persisted queries, which CDNs can cache by URL. Only a request Apollo's CSRF
    // prevention lets through is answered from the cache, so a hit never answers what Apollo would refuse.
    const bodilessKey = bodilessReadKey(ctx);
    // Apollo answers /GraphQL and /graphql/ too; the key does not depend on the path's spelling.
    const isGraphql = ctx.method === 'POST' && canonical === '/graphql';
    if (bodilessKey === null && !isGraphql) return next();
    if (ctx.get('authorization')) {
      await next();
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }
    if (isGraphql) {
      // Read here to know whether it is a cacheable query.
      await readJsonBody(rawCtx);
      if (!isCacheableGraphqlQuery(ctx.request.body?.query)) return next();
    }

    const settings = strapi.config.get('novinar.cache') as CacheSettings;
    const store = settings.enabled ? cacheStore() : null;
    const key =
      bodilessKey ?? `gql:${sha1(JSON.stringify([ctx.request.body?.query, ctx.request.body?.variables ?? null, ctx.request.body?.operationName ?? null]))}`;
    const anyGraphql = canonical === '/graphql';

    // Read before the action runs: an action may replace ctx.query.
    const query = ctx.query;
    const at = now().getTime();
    const release = nextEmbargoRelease();
    if (release !== null && release <= at) await refreshNextEmbargoRelease(strapi);
    const handed = ctx.state.cacheLookup;
    const hit = store ? (handed?.key === key ? handed.entry : await store.get(key)) : null;
    if (hit && hit.expiresAt > at) return respond(ctx, key, hit, 'HIT', settings);

    await next();
    if (ctx.status !== 200 || ctx.body === null || ctx.body === undefined || Buffer.isBuffer(ctx.body)) return;
    // Feeds and sitemaps are XML text; Apollo answers with the JSON already serialised.
    const isXml = typeof ctx.body === 'string' && /[/+]xml\b/i.test(ctx.type);
    const payload = isXml ? {} : typeof ctx.body === 'string' ? parseJson(ctx.body) : ctx.body;
    if (payload === null || typeof payload !== 'object') return;
    if (anyGraphql && (payload as { errors?: unknown }).errors) return;
    const body = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
    const upcoming = nextEmbargoRelease();
    const expiresAt = Math.min(at + settings.ttlSeconds * 1000, upcoming ?? Infinity);
    const contentType = typeof ctx.body === 'string' && ctx.type && !anyGraphql ? ctx.response.get('Content-Type') : 'application/json; charset=utf-8';
    const lastModified = ctx.response.get('Last-Modified') || undefined;
    const entry: CachedResponse = {
      status: 200,
      body,
      etag: `W/"${sha1(body).slice(0, 32)}"`,
      contentType,
      expiresAt,
      ...(lastModified ? { lastModified } : {}),
    };
    if (store && expiresAt > at) {
      const tags = anyGraphql
        ? [GRAPHQL_TAG]
        : [...[...collectDocumentIds(payload)].map(docTag), ...listTagsForRequest(ctx.path, query), ...(ctx.state.cacheTags ?? [])];
      await store.set(key, entry, tags, settings.ttlSeconds * 1000);
    }
    respond(ctx, key, entry, store ? 'MISS' : 'BYPASS', settings);
  };
};
