import { parse, type DocumentNode } from 'graphql';
import { fragmentProblem } from '../domain/graphql/fragment-problem';
import { canonicalApiPath } from '../domain/http/canonical-api-path';
import { readJsonBody } from '../http/read-json-body';

interface Ctx {
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  request: { body?: { query?: unknown } };
}

/**
 * Answers a GraphQL document with a cyclic or unknown fragment spread with a 400 in GraphQL's
 * error shape before Apollo validates it (src/domain/graphql/fragment-problem.ts says why).
 * Placed after the response cache, which may already have read the JSON body.
 */
export default () => {
  return async (rawCtx: unknown, next: () => Promise<void>) => {
    const ctx = rawCtx as Ctx;
    if (canonicalApiPath(ctx.path) !== '/graphql' || !['GET', 'POST'].includes(ctx.method)) return next();
    if (ctx.method === 'POST') await readJsonBody(rawCtx);
    const source = ctx.method === 'GET' ? ctx.query.query : ctx.request.body?.query;
    if (typeof source !== 'string' || !source.includes('...')) return next();
    let document: DocumentNode;
    try {
      // Apollo's own parse reports syntax errors (and the token limit) with a 400.
      document = parse(source, { noLocation: true, maxTokens: 100_000 });
    } catch {
      return next();
    }
    const problem = fragmentProblem(document);
    if (!problem) return next();
    ctx.status = 400;
    ctx.body = { errors: [{ message: problem, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
  };
};
