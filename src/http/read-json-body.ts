import coBody from 'co-body';

interface BodyCtx {
  request: { body?: unknown };
  get(name: string): string;
}

/**
 * Reads a JSON request body into ctx.request.body once, for middlewares in front of GraphQL:
 * strapi::body skips /graphql, and the koa-bodyparser in front of Apollo keeps a body already
 * read. Does nothing when the body was read already or is not JSON.
 */
export async function readJsonBody(rawCtx: unknown): Promise<void> {
  const ctx = rawCtx as BodyCtx;
  if (ctx.request.body !== undefined || !/json/i.test(ctx.get('content-type'))) return;
  ctx.request.body = await coBody.json(rawCtx as Parameters<typeof coBody.json>[0], { limit: '256kb' });
}
