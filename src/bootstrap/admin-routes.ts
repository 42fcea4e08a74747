import type { Core } from '@strapi/strapi';
import { translationStatusAction } from '../api/translation/controllers/translation';

/**
 * Admin-API routes for the newsroom's admin pages (an admin session, not an API token,
 * authenticates them). API folders can only declare content-API routes, hence registered here.
 */
export function registerAdminRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/novinar',
    routes: [
      {
        method: 'GET',
        path: '/translations/status',
        handler: (ctx: { query: Record<string, unknown>; body: unknown }) =>
          translationStatusAction(strapi, ctx).then((body) => {
            ctx.body = body;
          }),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
    // Cast: Strapi's route type wants a handler of its full Koa context; this one declares only what it reads.
  } as never);
}
