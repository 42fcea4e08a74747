import type { Core } from '@strapi/strapi';
import { PUBLIC_READ_TYPES } from '../uids';

/** Read-only actions the anonymous Public role needs; nothing that writes. */
export const PUBLIC_ACTIONS: readonly string[] = [...PUBLIC_READ_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]), 'plugin::i18n.locales.listLocales'];

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

/** Grants the given actions to a users-permissions role, idempotently. */
export async function grantRoleActions(strapi: Core.Strapi, roleType: string, actions: readonly string[]): Promise<void> {
  const role = await strapi.db.query(ROLE).findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role "${roleType}" not found`);
  const existing = await strapi.db.query(PERMISSION).findMany({ where: { role: role.id, action: { $in: actions } } });
  const have = new Set(existing.map((permission: { action: string }) => permission.action));
  for (const action of actions.filter((candidate) => !have.has(candidate))) {
    await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  }
}

export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  await grantRoleActions(strapi, 'public', PUBLIC_ACTIONS);
}
