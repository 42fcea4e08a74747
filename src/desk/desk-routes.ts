/**
 * The desk's admin endpoints (GET /novinar/desk, /novinar/desk/<widget>): an admin session
 * authenticates them, the user's own admin permissions decide what each answers
 * (src/domain/desk/desk-access.ts). The admin home's widgets (src/admin/widgets/) read them.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE } from '../locales';
import { assertOnlyParams } from '../http/query-params';
import { DESK_WIDGETS, deskAccess, deskAllows, type DeskAccess, type DeskWidget, type GrantedPermission } from '../domain/desk/desk-access';
import { latestPublished, ownDrafts, pendingComments, scheduledStories, translationsToDo } from './desk-readers';

interface AdminUser {
  id: number;
  roles?: Array<{ code: string }>;
}
interface Ctx {
  query: Record<string, unknown>;
  state: { user?: AdminUser };
  body: unknown;
}

const SUPER_ADMIN = 'strapi-super-admin';

/** The caller's desk: their permissions as Strapi's permission service lists them, the site's locales. */
async function accessOf(strapi: Core.Strapi, user: AdminUser): Promise<DeskAccess> {
  const permissionService = strapi.service('admin::permission') as unknown as { findUserPermissions(user: AdminUser): Promise<GrantedPermission[]> };
  const [permissions, locales] = await Promise.all([
    permissionService.findUserPermissions(user),
    strapi.plugin('i18n').service('locales').find() as Promise<Array<{ code: string }>>,
  ]);
  const codes = locales.map((locale) => locale.code);
  const all = [DEFAULT_LOCALE, ...codes.filter((code) => code !== DEFAULT_LOCALE)];
  return deskAccess(
    permissions,
    { all, defaultLocale: DEFAULT_LOCALE },
    (user.roles ?? []).some((role) => role.code === SUPER_ADMIN),
  );
}

const READERS: Record<DeskWidget, (strapi: Core.Strapi, access: DeskAccess, user: AdminUser) => Promise<unknown>> = {
  scheduled: (strapi, access) => scheduledStories(strapi, access.scheduled),
  published: (strapi, access) => latestPublished(strapi, access.published),
  drafts: (strapi, access, user) => ownDrafts(strapi, user.id, access.drafts),
  translations: (strapi, access) => translationsToDo(strapi, access.translations),
  comments: (strapi) => pendingComments(strapi),
};

function caller(ctx: Ctx): AdminUser {
  assertOnlyParams(ctx.query, []);
  if (!ctx.state.user) throw new errors.UnauthorizedError('An admin session is required.');
  return ctx.state.user;
}

/** GET /novinar/desk: which widgets are the caller's, with the locales each covers. */
async function deskSummary(strapi: Core.Strapi, ctx: Ctx): Promise<void> {
  const access = await accessOf(strapi, caller(ctx));
  ctx.body = { data: { widgets: DESK_WIDGETS.filter((widget) => deskAllows(access, widget)), access } };
}

/** GET /novinar/desk/<widget>: its items, or 403 when the widget is not the caller's. */
async function deskWidget(strapi: Core.Strapi, ctx: Ctx, widget: DeskWidget): Promise<void> {
  const user = caller(ctx);
  const access = await accessOf(strapi, user);
  if (!deskAllows(access, widget)) throw new errors.ForbiddenError(`Your role has no "${widget}" desk widget.`);
  const data = await READERS[widget](strapi, access, user);
  ctx.body = { data, meta: widget === 'comments' ? {} : { locales: access[widget] } };
}

export function registerDeskRoutes(strapi: Core.Strapi): void {
  const config = { policies: ['admin::isAuthenticatedAdmin'] };
  strapi.server.routes({
    type: 'admin',
    prefix: '/novinar',
    routes: [
      { method: 'GET', path: '/desk', handler: (ctx: Ctx) => deskSummary(strapi, ctx), config },
      ...DESK_WIDGETS.map((widget) => ({ method: 'GET', path: `/desk/${widget}`, handler: (ctx: Ctx) => deskWidget(strapi, ctx, widget), config })),
    ],
  } as never);
}
