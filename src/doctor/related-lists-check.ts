import type { Knex } from 'knex';
import { parseVariantKey, rowOwnerDisagreements, variantKey } from '../domain/doctor';
import { createRelatedIndexer } from '../related/related-indexer';
import { DOCS, LISTS } from '../related/related-store';
import { describeVariant as describe, disagreement, repairVariants, type DoctorCheck } from './doctor-check';

/** Variants (by a column pair of LISTS) and how many list rows each has. */
async function rowsPer(knex: Knex, column: 'document_id' | 'related_document_id'): Promise<Map<string, number>> {
  const rows = (await knex(LISTS).select({ id: column, locale: 'locale' }).count({ n: '*' }).groupBy(column, 'locale')) as Array<{
    id: string;
    locale: string;
    n: number | string;
  }>;
  return new Map(rows.map((row) => [variantKey(row.id, row.locale), Number(row.n)]));
}

const sum = (counts: ReadonlyMap<string, number>, keys: readonly string[]) => keys.reduce((total, key) => total + (counts.get(key) ?? 0), 0);

/**
 * Stored related lists (`novinar_related_lists`) against the index: lists owned by variants
 * that are not indexed (deleted or unpublished stories' own lists), and entries pointing to
 * variants that are not indexed (a feed then shows fewer cards: the read joins the index).
 * Owned rows are deleted; lists with such entries are recomputed by the indexer.
 */
export const relatedListsCheck: DoctorCheck = {
  name: 'related-lists',
  cheap: true,
  async run(strapi, { fix, progress }) {
    const knex = strapi.db.connection;
    const indexed = ((await knex(DOCS).select('document_id', 'locale')) as Array<{ document_id: string; locale: string }>).map((row) =>
      variantKey(row.document_id, row.locale),
    );
    const owners = await rowsPer(knex, 'document_id');
    const targets = await rowsPer(knex, 'related_document_id');
    const orphanOwners = rowOwnerDisagreements(indexed, [], owners.keys()).orphanOwners;
    const danglingTargets = rowOwnerDisagreements(indexed, [], targets.keys()).orphanOwners;
    let repaired = 0;
    if (fix) {
      for (const key of orphanOwners) {
        const { documentId, locale } = parseVariantKey(key);
        repaired += await knex(LISTS)
          .where({ document_id: documentId, locale })
          .whereNotExists((sub) => sub.select(knex.raw('1')).from(DOCS).where({ document_id: documentId, locale }))
          .delete();
      }
      const holders = new Set<string>();
      for (const key of danglingTargets) {
        const { documentId, locale } = parseVariantKey(key);
        const rows = (await knex(LISTS).distinct('document_id').where({ related_document_id: documentId, locale })) as Array<{ document_id: string }>;
        for (const row of rows) holders.add(variantKey(row.document_id, locale));
      }
      const indexer = createRelatedIndexer(strapi);
      repaired += await repairVariants([...holders].sort(), 'related lists', progress, (documentId, locale) => indexer.recomputeList(documentId, locale));
    }
    return {
      check: this.name,
      disagreements: [
        ...disagreement(
          'list rows owned by variants not in the index',
          orphanOwners,
          (key) => `${describe(key)}: ${owners.get(key)} rows`,
          sum(owners, orphanOwners),
        ),
        ...disagreement(
          'list entries pointing to variants not in the index',
          danglingTargets,
          (key) => `${describe(key)}: in ${targets.get(key)} lists`,
          sum(targets, danglingTargets),
        ),
      ],
      repaired,
    };
  },
};
