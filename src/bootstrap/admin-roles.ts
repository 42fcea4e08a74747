import type { Core } from '@strapi/strapi';
import { ARTICLE, AUTHOR, COMMENT, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../uids';
import { DEFAULT_LOCALE } from '../locales';

interface Permission {
  action: string;
  subject: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}
interface RoleService {
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  update(params: { id: number }, attributes: { name?: string; description?: string }): Promise<unknown>;
  addPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
}
interface RoleRow {
  id: number;
  code: string;
  name: string;
  description: string | null;
}
interface RoleText {
  name: string;
  description: string;
}

/**
 * What the admin shows for each role (profile, users list, role settings), by role code: in
 * Bulgarian, with the English each was first created under (by Strapi for its own three, by
 * earlier versions of this file for ours). Code finds roles by `code`, which never changes.
 */
type RoleCode = 'strapi-super-admin' | 'strapi-editor' | 'strapi-author' | 'novinar-moderator' | 'novinar-translator';
export const ROLE_TEXTS: Readonly<Record<RoleCode, { bg: RoleText; en: RoleText }>> = {
  'strapi-super-admin': {
    bg: { name: 'Главен администратор', description: 'Има достъп до всички функции и настройки и ги управлява.' },
    en: { name: 'Super Admin', description: 'Super Admins can access and manage all features and settings.' },
  },
  'strapi-editor': {
    bg: { name: 'Редактор', description: 'Управлява и публикува съдържание, включително създаденото от други.' },
    en: { name: 'Editor', description: 'Editors can manage and publish contents including those of other users.' },
  },
  'strapi-author': {
    bg: { name: 'Автор', description: 'Управлява съдържанието, което сам е създал.' },
    en: { name: 'Author', description: 'Authors can manage the content they have created.' },
  },
  'novinar-moderator': {
    bg: { name: 'Модератор', description: 'Модерира коментарите на читателите: одобрява, отхвърля, отбелязва като спам.' },
    en: { name: 'Moderator', description: 'Moderates reader comments: approve, reject, mark as spam.' },
  },
  'novinar-translator': {
    bg: { name: 'Преводач', description: 'Превежда статиите и тийзърите на езиците, различни от българския.' },
    en: { name: 'Translator', description: 'Translates articles and teasers into the languages other than Bulgarian.' },
  },
};

const CM = 'plugin::content-manager.explorer';

function fieldsOf(strapi: Core.Strapi, uid: string): string[] {
  const attributes = strapi.contentType(uid as typeof ARTICLE).attributes as Record<string, { type: string }>;
  return Object.keys(attributes).filter(
    (name) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name),
  );
}

const permission = (strapi: Core.Strapi, action: string, uid: string, locales?: string[]): Permission => ({
  action: `${CM}.${action}`,
  subject: uid,
  properties: { fields: fieldsOf(strapi, uid), ...(locales ? { locales } : {}) },
  conditions: [],
});

/**
 * Admin roles a newsroom needs besides Strapi's Editor/Author, created once at bootstrap
 * (afterwards they belong to the site's administrators, who may adjust them), and the Bulgarian
 * names of all the roles (ROLE_TEXTS):
 * - Moderator („Модератор“): works the comment queue (read, update status, delete) and reads articles to
 *   see what a comment belongs to.
 * - Translator („Преводач“): edits and publishes the locale variants other than Bulgarian of articles and
 *   teasers (Strapi's locale-scoped permissions), reads the Bulgarian originals.
 */
export async function ensureAdminRoles(strapi: Core.Strapi, locales: readonly string[]): Promise<void> {
  // Cast: strapi.service()/plugin().service() return a loose type; this names the methods used here.
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const otherLocales = locales.filter((code) => code !== DEFAULT_LOCALE);
  const allLocales = [DEFAULT_LOCALE, ...otherLocales];
  const definitions: Array<{ code: RoleCode; permissions: () => Permission[] }> = [
    {
      code: 'novinar-moderator',
      permissions: () => [
        permission(strapi, 'read', COMMENT),
        permission(strapi, 'update', COMMENT),
        permission(strapi, 'delete', COMMENT),
        permission(strapi, 'read', ARTICLE, allLocales),
      ],
    },
    {
      code: 'novinar-translator',
      permissions: () => [
        ...[ARTICLE, TEASER].flatMap((uid) => [
          permission(strapi, 'read', uid, allLocales),
          permission(strapi, 'create', uid, otherLocales),
          permission(strapi, 'update', uid, otherLocales),
          permission(strapi, 'publish', uid, otherLocales),
        ]),
        ...[SOURCE_AGENCY, TAG, SECTION, AUTHOR].map((uid) => permission(strapi, 'read', uid, allLocales)),
        { action: 'plugin::upload.read', subject: null },
        { action: 'plugin::upload.assets.create', subject: null },
      ],
    },
  ];
  for (const definition of definitions) {
    const existing = await strapi.db.query('admin::role').findOne({ where: { code: definition.code } });
    if (existing) continue;
    const text = ROLE_TEXTS[definition.code].bg;
    const role = await roles.create({ ...text, code: definition.code });
    await roles.addPermissions(role.id, definition.permissions());
    strapi.log.info(`[novinar] created admin role ${definition.code} (${text.name})`);
  }
  await nameRolesInBulgarian(strapi, roles);
}

/**
 * Gives every role of ROLE_TEXTS its Bulgarian name and description where it still carries the
 * English one (Strapi creates its roles in English on the first boot; earlier versions of this
 * file did the same): on every boot, so existing installs follow. A name or description an
 * administrator changed is left alone, and so is a name another role already has (role names
 * are unique).
 */
async function nameRolesInBulgarian(strapi: Core.Strapi, roles: RoleService): Promise<void> {
  const rows = (await strapi.db.query('admin::role').findMany({ select: ['id', 'code', 'name', 'description'] })) as RoleRow[];
  const taken = new Set(rows.map((row) => row.name));
  for (const row of rows) {
    if (!Object.hasOwn(ROLE_TEXTS, row.code)) continue;
    const text = ROLE_TEXTS[row.code as RoleCode];
    const updates: Partial<RoleText> = {};
    if (row.name === text.en.name) {
      if (taken.has(text.bg.name))
        strapi.log.warn(`[novinar] admin role ${row.code} keeps its name "${row.name}": another role is already called "${text.bg.name}"`);
      else updates.name = text.bg.name;
    }
    if (row.description === text.en.description) updates.description = text.bg.description;
    if (Object.keys(updates).length === 0) continue;
    await roles.update({ id: row.id }, updates);
    if (updates.name) {
      taken.delete(row.name);
      taken.add(updates.name);
    }
  }
}
