import type { Core } from '@strapi/strapi';
import { assertReadableQuery, readAccess, type RequestState } from '../visibility';

/** Strapi copies the Koa context's own properties: `query` is a getter of the request, `state` is own. */
interface PolicyContext {
  request: { query: Record<string, unknown> };
  state: RequestState;
}

/**
 * Route policy of the core `find`/`findOne` routes of the public types: runs after
 * authentication (so it knows a preview from a public read) and before Strapi parses the query.
 * A malformed query or a filter that could reach unpublished content is a 400 naming the
 * parameter (src/domain/visibility/check-query.ts).
 */
export default (policyContext: PolicyContext, config: { uid: string }, { strapi }: { strapi: Core.Strapi }) => {
  const query = policyContext.request.query ?? {};
  assertReadableQuery(strapi, config.uid, query, readAccess(policyContext.state, query.status));
  return true;
};
