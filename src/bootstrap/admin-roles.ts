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
  addPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
}

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
 * (afterwards they belong to the site's administrators, who may adjust them):
 * - Moderator: works the comment queue (read, update status, delete) and reads articles to
 *   see what a comment belongs to.
 * - Translator: edits and publishes the locale variants other than Bulgarian of articles and
 *   teasers (Strapi's locale-scoped permissions), reads the Bulgarian originals.
 */
export async function ensureAdminRoles(strapi: Core.Strapi, locales: readonly string[]): Promise<void> {
  // Cast: strapi.service()/plugin().service() return a loose type; this names the methods used here.
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const otherLocales = locales.filter((code) => code !== DEFAULT_LOCALE);
  const allLocales = [DEFAULT_LOCALE, ...otherLocales];
  const definitions: Array<{ code: string; name: string; description: string; permissions: () => Permission[] }> = [
    {
      code: 'novinar-moderator',
      name: 'Moderator',
      description: 'Moderates reader comments: approve, reject, mark as spam.',
      permissions: () => [
        permission(strapi, 'read', COMMENT),
        permission(strapi, 'update', COMMENT),
        permission(strapi, 'delete', COMMENT),
        permission(strapi, 'read', ARTICLE, allLocales),
      ],
    },
    {
      code: 'novinar-translator',
      name: 'Translator',
      description: 'Translates articles and teasers into the languages other than Bulgarian.',
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
    const role = await roles.create({ name: definition.name, code: definition.code, description: definition.description });
    await roles.addPermissions(role.id, definition.permissions());
    strapi.log.info(`[novinar] created admin role ${definition.name}`);
  }
}
