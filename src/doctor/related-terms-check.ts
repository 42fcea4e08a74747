import { parseVariantKey, rowOwnerDisagreements, variantKey } from '../domain/doctor';
import { createRelatedIndexer } from '../related/related-indexer';
import { DOCS, TERMS } from '../related/related-store';
import { describeVariant as describe, disagreement, repairVariants, type DoctorCheck } from './doctor-check';

/**
 * The inverted index (`novinar_related_terms`) against the indexed variants: postings of
 * variants that are not indexed (they would come back as candidates that cannot be ranked) and
 * indexed variants with terms but no postings (nobody would find them as related). Reads every
 * posting's owner, so it is not one of the checks a large archive runs at boot.
 */
export const relatedTermsCheck: DoctorCheck = {
  name: 'related-terms',
  cheap: false,
  async run(strapi, { fix, progress, maxReindex }) {
    const knex = strapi.db.connection;
    const docs = (await knex(DOCS).select('document_id', 'locale', knex.raw(`CASE WHEN terms = '[]' THEN 0 ELSE 1 END AS has_terms`))) as Array<{
      document_id: string;
      locale: string;
      has_terms: number | string;
    }>;
    const indexed = docs.map((row) => variantKey(row.document_id, row.locale));
    const shouldOwn = docs.filter((row) => Number(row.has_terms) === 1).map((row) => variantKey(row.document_id, row.locale));
    const owned = (await knex(TERMS).select('document_id', 'locale').count({ n: '*' }).groupBy('document_id', 'locale')) as Array<{
      document_id: string;
      locale: string;
      n: number | string;
    }>;
    const counts = new Map(owned.map((row) => [variantKey(row.document_id, row.locale), Number(row.n)]));
    const found = rowOwnerDisagreements(indexed, shouldOwn, counts.keys());
    let repaired = 0;
    if (fix) {
      for (const key of found.orphanOwners) {
        const { documentId, locale } = parseVariantKey(key);
        repaired += await knex(TERMS)
          .where({ document_id: documentId, locale })
          .whereNotExists((sub) => sub.select(knex.raw('1')).from(DOCS).where({ document_id: documentId, locale }))
          .delete();
      }
      const indexer = createRelatedIndexer(strapi);
      repaired += await repairVariants(found.withoutRows.slice(0, maxReindex), 'related postings', progress, (documentId, locale) =>
        indexer.index(documentId, locale),
      );
    }
    return {
      check: this.name,
      disagreements: [
        ...disagreement(
          'postings of variants not in the index',
          found.orphanOwners,
          (key) => `${describe(key)}: ${counts.get(key)} postings`,
          found.orphanOwners.reduce((total, key) => total + (counts.get(key) ?? 0), 0),
        ),
        ...disagreement('indexed variants without postings', found.withoutRows, describe),
      ],
      repaired,
      deferred: found.withoutRows.length > maxReindex ? `${found.withoutRows.length - maxReindex} variants left to re-index` : undefined,
    };
  },
};
