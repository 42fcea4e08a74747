import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { unsupportedMediaType } from '../http/unsupported-media-type';

/** "gzip, br" → ["gzip", "br"]; codings are case-insensitive (RFC 9110 §8.4.1). */
function contentCodings(header: string): string[] {
  return header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter(Boolean);
}

function property(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** The parser's own words, without a final full stop (ours follows). */
function reason(error: unknown): string {
  return String(property(error, 'message') ?? '').replace(/\.$/, '');
}

/**
 * Keeps request bodies that cannot be read a 4xx, never a 500. Placed just before `strapi::body`.
 *
 * - Bodies are taken uncompressed only, on the public API and the admin routes alike: no browser
 *   (the admin panel included) compresses what it sends, and ours are a few kilobytes. Inflating
 *   them only exposed zlib to anyone: a body that was not what its Content-Encoding said made it
 *   throw an error without an HTTP status, a 500. Now 415 naming the coding, with
 *   `Accept-Encoding: identity` to say what would do (RFC 9110 §15.5.16, RFC 7694 §3).
 * - koa-body's JSON, form and text parser (co-body) throws errors with an HTTP `status` (broken
 *   JSON 400, over the limit 413), which `strapi::errors` passes on, but logs as a server error
 *   and answers without `details`: both are reworded as Strapi's own errors. Formidable (multipart) puts its status in `httpCode`, which
 *   `strapi::errors` does not read: a missing boundary or a truncated part became a 500.
 */
export default (() => async (ctx, next) => {
  const codings = contentCodings(ctx.get('content-encoding'));
  const compressed = codings.some((coding) => coding !== 'identity');
  // A request has a body when it announces one (RFC 9112 §6), even of length 0: co-body would inflate that too.
  const hasBody = ctx.get('transfer-encoding') !== '' || ctx.get('content-length') !== '';
  if (compressed && hasBody) {
    ctx.set('Accept-Encoding', 'identity');
    const named = ctx.get('content-encoding').slice(0, 64);
    return unsupportedMediaType(ctx, `Content-Encoding "${named}" is not accepted: send the request body uncompressed (identity).`);
  }
  // "identity" is no coding at all; co-body compares it case-sensitively and would refuse "Identity".
  if (codings.length > 0 && !compressed) delete ctx.req.headers['content-encoding'];

  try {
    await next();
  } catch (error) {
    // co-body marks its parse failures with status 400 and the unparsed text in `body`.
    if (property(error, 'status') === 400 && typeof property(error, 'body') === 'string') {
      throw new errors.ValidationError(`The request body cannot be parsed: ${reason(error)}.`);
    }
    // Over the limit: co-body's 413 (raw-body's "entity.too.large") is not one of Strapi's own
    // errors, so `strapi::errors` logged it with its stack as a server error before answering 413.
    if (property(error, 'status') === 413 && property(error, 'type') === 'entity.too.large') {
      throw new errors.PayloadTooLargeError(`The request body is too large: ${reason(error)}.`);
    }
    // Formidable's errors: a numeric internal `code` and the HTTP status in `httpCode`.
    const httpCode = property(error, 'httpCode');
    if (ctx.is('multipart') && typeof httpCode === 'number' && typeof property(error, 'code') === 'number') {
      const message = `The multipart/form-data body cannot be read: ${reason(error)}.`;
      throw httpCode === 413 ? new errors.PayloadTooLargeError(message) : new errors.ValidationError(message);
    }
    throw error;
  }
}) satisfies Core.MiddlewareFactory;
