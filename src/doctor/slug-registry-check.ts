import type { Core } from '@strapi/strapi';
import { slugRegistryDisagreements, type ContentSlug, type RegistryEntry } from '../domain/doctor';
import { SLUG_REGISTRY_TABLE } from '../slugs/slug-registry';
import { SLUGGED_TYPES } from '../uids';
import { modelMeta } from './content-rows';
import { disagreement, type DoctorCheck } from './doctor-check';

const describe = (row: { uid: string; locale: string; slug: string; documentId: string }) =>
  `${row.uid} ${row.locale} "${row.slug}" (document ${row.documentId})`;

async function loadContent(strapi: Core.Strapi): Promise<ContentSlug[]> {
  const rows: ContentSlug[] = [];
  for (const uid of SLUGGED_TYPES) {
    const meta = modelMeta(strapi, uid);
    const draftAndPublish = Boolean(strapi.contentType(uid).options?.draftAndPublish);
    const found = (await strapi.db
      .connection(meta.tableName)
      .select({ documentId: 'document_id', locale: 'locale', slug: 'slug', ...(draftAndPublish ? { publishedAt: 'published_at' } : {}) })) as Array<{
      documentId: string;
      locale: string;
      slug: string | null;
      publishedAt?: unknown;
    }>;
    for (const row of found)
      rows.push({
        uid,
        locale: row.locale,
        documentId: row.documentId,
        slug: row.slug,
        published: row.publishedAt !== null && row.publishedAt !== undefined,
        draftAndPublish,
      });
  }
  return rows;
}

/**
 * The slug registry against the slugs of existing documents: rows of deleted variants (their
 * slugs would still be taken and, if published, redirect to nothing), slugs the content holds
 * without a row (nothing would stop a second document taking them), and slugs whose row
 * belongs to another document (two documents share a slug: left to an editor).
 */
export const slugRegistryCheck: DoctorCheck = {
  name: 'slug-registry',
  cheap: true,
  async run(strapi, { fix }) {
    const knex = strapi.db.connection;
    const registry = ((await knex(SLUG_REGISTRY_TABLE).select('id', 'uid', 'locale', 'slug', { documentId: 'document_id' })) as RegistryEntry[]).map((row) => ({
      ...row,
      id: Number(row.id),
    }));
    const found = slugRegistryDisagreements(registry, await loadContent(strapi));
    let repaired = 0;
    if (fix) {
      for (const uid of new Set(found.orphans.map((row) => row.uid))) {
        const table = modelMeta(strapi, uid).tableName;
        const ids = found.orphans.filter((row) => row.uid === uid).map((row) => row.id);
        for (let i = 0; i < ids.length; i += 500) {
          // Re-checked in the statement: a variant created meanwhile keeps its row.
          repaired += await knex(SLUG_REGISTRY_TABLE)
            .whereIn('id', ids.slice(i, i + 500))
            .whereNotExists((sub) =>
              sub
                .select(knex.raw('1'))
                .from(table)
                .whereRaw(`${table}.document_id = ${SLUG_REGISTRY_TABLE}.document_id AND ${table}.locale = ${SLUG_REGISTRY_TABLE}.locale`),
            )
            .delete();
        }
      }
      for (const row of found.missing) {
        await knex(SLUG_REGISTRY_TABLE)
          .insert({ uid: row.uid, locale: row.locale, slug: row.slug, document_id: row.documentId, is_current: row.isCurrent, published: row.published })
          .onConflict(['uid', 'locale', 'slug'])
          .ignore();
        repaired += 1;
      }
    }
    return {
      check: this.name,
      disagreements: [
        ...disagreement('registry rows of deleted document variants', found.orphans, describe),
        ...disagreement('slugs of existing documents missing from the registry', found.missing, describe),
        ...disagreement(
          'slugs registered to another document (not repaired: rename one)',
          found.conflicts,
          (c) => `${describe(c.owner)} also held by document ${c.content.documentId}`,
        ),
      ],
      repaired,
    };
  },
};
