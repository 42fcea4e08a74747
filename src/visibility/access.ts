import type { Core } from '@strapi/strapi';

/**
 * Who is reading, as far as visibility goes:
 * - `internal`: no content-API request (admin panel, seeding, scripts, write-time code): no limits.
 * - `preview`: a content-API request authenticated by an API token that asks for drafts
 *   (`status=draft` in REST, `status: DRAFT` in GraphQL): drafts and embargoed stories, for a
 *   front end's preview.
 * - `public`: every other content-API request, anonymous or with a token: published and released
 *   only. A token that does not ask for drafts sees what the public sees, on every endpoint, so a
 *   server-rendered front end never lists a story its by-slug page would answer 404 for.
 */
export type ReadAccess = 'internal' | 'preview' | 'public';

export interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
}

/** Content-API token strategies: 'content-api-token' since Strapi 5.5x, 'api-token' before. */
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export function holdsApiToken(state: RequestState | undefined): boolean {
  return TOKEN_STRATEGIES.has(state?.auth?.strategy?.name ?? '');
}

export function readAccess(state: RequestState | undefined, requestedStatus?: unknown): ReadAccess {
  if (state?.route?.info?.type !== 'content-api') return 'internal';
  return holdsApiToken(state) && requestedStatus === 'draft' ? 'preview' : 'public';
}

/** The access of the request being served (Strapi's request context), for code that has no ctx at hand. */
export function currentReadAccess(strapi: Core.Strapi, requestedStatus?: unknown): ReadAccess {
  return readAccess(strapi.requestContext.get()?.state as RequestState | undefined, requestedStatus);
}
