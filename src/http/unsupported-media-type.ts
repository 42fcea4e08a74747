import type { Core } from '@strapi/strapi';

type Context = Parameters<Core.MiddlewareHandler>[0];
interface StrapiErrorResponse {
  unsupportedMediaType(message: string, details?: object): void;
}

/**
 * Answers 415 in Strapi's error shape ({ data: null, error: { status, name, message, details } })
 * with the helper Strapi puts on every Koa response, one per HTTP error status. Its type
 * declaration sits in a @strapi/core file that the public types do not load, hence the cast.
 */
export function unsupportedMediaType(ctx: Context, message: string): void {
  // Cast: Koa's context type knows neither Strapi's response helpers nor its route params.
  (ctx.response as unknown as StrapiErrorResponse).unsupportedMediaType(message, {});
}
