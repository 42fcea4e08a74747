import type { Core } from '@strapi/strapi';
import { SLUG_REGISTRY_TABLE } from '../slugs/slug-registry';

/**
 * What a restore would destroy: rows of the site's own content types, media records and slug
 * history, per type (empty types left out). A database that only went through bootstrap
 * (locales, roles, permissions, settings) counts as empty: those come back from the backup.
 */
export async function siteContent(strapi: Core.Strapi): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  const uids = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::') || uid === 'plugin::upload.file');
  for (const uid of uids) {
    // Cast: The uid comes from the content types at run time, not from the registered-uid union.
    const count = await strapi.db.query(uid as never).count();
    if (count > 0) found[uid] = count;
  }
  const [{ count }] = (await strapi.db.connection(SLUG_REGISTRY_TABLE).count({ count: '*' })) as Array<{ count: number | string }>;
  if (Number(count) > 0) found[SLUG_REGISTRY_TABLE] = Number(count);
  return found;
}
