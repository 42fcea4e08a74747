import type { Core } from '@strapi/strapi';
import { PUBLIC_READ_TYPES } from '../uids';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const PUBLIC_UIDS = new Set<string>(PUBLIC_READ_TYPES);

interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
}

/**
 * Decides whether a content-API request may read drafts: only callers holding an API token
 * (the front end's preview) may. Strapi 5 lets any caller with `find` permission pass
 * `?status=draft` (REST) or `status: DRAFT` (GraphQL), which would show unpublished and
 * embargoed stories to the anonymous Public role.
 */
export function mayReadDrafts(state: RequestState | undefined): boolean {
  if (state?.route?.info?.type !== 'content-api') return true;
  return state.auth?.strategy?.name === 'api-token';
}

/** Document Service middleware: public content-API reads are always of published documents. */
export function publishedOnlyForPublic(strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] {
  return async (context, next) => {
    if (!PUBLIC_UIDS.has(context.uid) || !READ_ACTIONS.has(context.action)) return next();
    const state = strapi.requestContext.get()?.state as RequestState | undefined;
    if (!mayReadDrafts(state)) {
      (context.params as { status?: string }).status = 'published';
    }
    return next();
  };
}
