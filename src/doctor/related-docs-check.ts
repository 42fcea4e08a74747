import { isoFromDb } from '../database/sql';
import { variantKey } from '../domain/doctor';
import { createRelatedIndexer } from '../related/related-indexer';
import { DOCS } from '../related/related-store';
import { variantIndexCheck } from './variant-index-check';

/**
 * The related index's variants (`novinar_related_docs`) against the published article
 * variants: published ones missing (in nobody's list), unpublished or deleted ones still
 * indexed (cards of gone stories), and ones indexed under a publication date they no longer
 * have. Each is repaired by the indexer itself, which re-reads the article and indexes it or
 * removes it, repairing its neighbours' lists and the document frequencies on the way.
 */
export const relatedDocsCheck = variantIndexCheck({
  name: 'related-docs',
  label: 'related index',
  indexedWord: 'indexed',
  async readIndexed(strapi) {
    const rows = (await strapi.db.connection(DOCS).select('document_id', 'locale', 'publication_date')) as Array<{
      document_id: string;
      locale: string;
      publication_date: unknown;
    }>;
    return new Map(rows.map((row) => [variantKey(row.document_id, row.locale), isoFromDb(row.publication_date) as string]));
  },
  createRepair(strapi) {
    const indexer = createRelatedIndexer(strapi);
    return (documentId, locale) => indexer.index(documentId, locale);
  },
});
