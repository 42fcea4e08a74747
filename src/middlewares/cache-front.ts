import { promisify } from 'util';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { bodilessReadKey } from '../cache/cache-key';
import { cacheStore, nextEmbargoRelease } from '../cache/response-cache';
import type { CacheLookup } from './response-cache';
import { now } from '../clock';

export interface CacheFrontConfig {
  /** Most bytes of prepared answers (headers and encoded bodies) kept in this process. */
  maxBytes: number;
  /** Brotli quality of the compression middleware, so a prepared answer is encoded as the stack would. */
  brotliQuality: number;
}

/** How many requests the front answered and how many answers it prepared (read by the tests). */
export interface CacheFrontStats {
  hits: number;
  prepared: number;
}
export const CACHE_FRONT_STATS = 'novinar.cacheFront.stats';

/** A public answer exactly as the middleware stack sent it: its headers and its body in the encoding it chose. */
interface PreparedAnswer {
  etag: string;
  headers: ReadonlyArray<readonly [string, string | string[]]>;
  body: Buffer;
}

interface Ctx {
  method: string;
  path: string;
  querystring: string;
  status: number;
  body: unknown;
  fresh: boolean;
  state: { cacheLookup?: CacheLookup; cacheAnswer?: CacheLookup };
  response: { headers: Record<string, number | string | string[] | undefined> };
  get(name: string): string;
  set(name: string, value: string | string[]): void;
  remove(name: string): void;
}

/** Headers of the stack's answer that are not replayed: framing and the date belong to each response, X-Cache is set anew. */
const NOT_REPLAYED = new Set(['content-length', 'transfer-encoding', 'date', 'connection', 'keep-alive', 'x-cache']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const deflate = promisify(zlib.deflate);

async function encode(body: string, encoding: string, brotliQuality: number): Promise<Buffer | null> {
  const raw = Buffer.from(body, 'utf8');
  if (encoding === '' || encoding === 'identity') return raw;
  if (encoding === 'br') return brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality } });
  if (encoding === 'gzip') return gzip(raw);
  if (encoding === 'deflate') return deflate(raw);
  return null; // An encoding this front cannot reproduce: such answers stay with the stack.
}

/**
 * The cache front: the first middleware of the stack, answering repeated public reads from the
 * response cache without running the rest of the stack (logger, errors, security headers, CORS,
 * compression, guards, body parsing, router).
 *
 * It answers only what the response cache (src/middlewares/response-cache.ts) would answer as a
 * hit, with the same key (`bodilessReadKey`): REST GETs and HEADs under /api and GraphQL over
 * GET, without an Authorization header, whose entry is in the store and not past its expiry
 * (which is never after the next embargo release). GraphQL over POST is left to the stack: its
 * key is in the body, which the stack's guards must see first.
 *
 * Every answer it gives is one the stack gave before: when the stack answers such a request from
 * the cache or stores it (`ctx.state.cacheAnswer`), the front keeps the headers it sent (security
 * headers, CORS, Vary, ETag, Cache-Control, Content-Type and Content-Encoding) and the entry's body
 * encoded the same way, per Accept-Encoding and Origin, the two request headers the answer's
 * headers depend on. It serves them again only while the store holds the same entry (same ETag),
 * so an invalidation in the store (in Redis, by any instance) takes effect here at once, and a
 * miss or a changed entry goes through the whole stack as before. Answers setting a cookie are
 * never kept. A matching If-None-Match or If-Modified-Since gets a 304, as from the stack.
 * Prepared answers live in this process, bounded by `maxBytes`.
 */
export default (config: Partial<CacheFrontConfig>, { strapi }: { strapi: Core.Strapi }) => {
  const { maxBytes = 32 * 1024 * 1024, brotliQuality = 4 } = config ?? {};
  const prepared = new LRUCache<string, PreparedAnswer>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (answer) => answer.body.length + 64 * (answer.headers.length + 1) || 1,
  });
  // One middleware per app instance: its counters are registered on that instance's container.
  const stats: CacheFrontStats = { hits: 0, prepared: 0 };
  strapi.add(CACHE_FRONT_STATS, stats);

  /** Keeps the stack's answer to `variant`; the encoding runs off the request's path. */
  function remember(ctx: Ctx, variant: string, answer: CacheLookup): void {
    const entry = answer.entry;
    if (!entry) return;
    const headers = Object.entries(ctx.response.headers)
      .filter(([name, value]) => value !== undefined && !NOT_REPLAYED.has(name))
      .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as const);
    if (headers.some(([name]) => name === 'set-cookie')) return;
    const encoding = String(ctx.response.headers['content-encoding'] ?? '');
    void encode(entry.body, encoding, brotliQuality)
      .then((body) => {
        if (!body) return;
        prepared.set(variant, { etag: entry.etag, headers, body });
        stats.prepared += 1;
      })
      .catch(() => undefined); // Not kept: the stack answers the next one too.
  }

  return async (rawCtx: unknown, next: () => Promise<void>) => {
    const ctx = rawCtx as Ctx;
    const key = bodilessReadKey(ctx);
    const store = key === null || ctx.get('authorization') ? null : cacheStore();
    if (key === null || store === null) return next();
    const at = now().getTime();
    const release = nextEmbargoRelease();
    // A release due now: the response cache looks up the next one first.
    if (release !== null && release <= at) return next();

    const entry = await store.get(key);
    const variant = `${key}\n${ctx.get('accept-encoding')}\n${ctx.get('origin')}`;
    const answer = entry && entry.expiresAt > at ? prepared.get(variant) : undefined;
    if (!entry || !answer || answer.etag !== entry.etag) {
      // Handed down so the response cache does not read the store again.
      ctx.state.cacheLookup = { key, entry };
      await next();
      const given = ctx.state.cacheAnswer;
      if (ctx.method === 'GET' && ctx.status === 200 && given?.key === key) remember(ctx, variant, given);
      return;
    }

    stats.hits += 1;
    for (const [name, value] of answer.headers) ctx.set(name, value as string | string[]);
    ctx.set('X-Cache', 'HIT');
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.remove('Content-Encoding');
      ctx.body = null;
      return;
    }
    ctx.body = answer.body;
  };
};
