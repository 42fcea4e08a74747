import { variantKey } from '../domain/doctor';
import { variantIndexCheck } from '../doctor/variant-index-check';
import { SEARCH_DOCS } from './search-engine';
import { createSearchIndexer } from './search-indexer';

/**
 * The search index's variants (`novinar_search_docs`) against the published article variants,
 * by the same rule as the related index's (domain/doctor): published ones missing (not
 * findable), unpublished or deleted ones still indexed (harmless to readers, as search joins
 * the articles under the release rule, but dead weight), and ones indexed under another
 * publication date. Each is repaired by re-indexing from the published row, or removing it.
 */
export const searchIndexCheck = variantIndexCheck({
  name: 'search-index',
  label: 'search index',
  indexedWord: 'search-indexed',
  async readIndexed(strapi) {
    const rows = (await strapi.db.connection(SEARCH_DOCS).select('document_id', 'locale', 'publication_ms')) as Array<{
      document_id: string;
      locale: string;
      publication_ms: number | string;
    }>;
    return new Map(rows.map((row) => [variantKey(row.document_id, row.locale), new Date(Number(row.publication_ms)).toISOString()]));
  },
  createRepair(strapi) {
    const indexer = createSearchIndexer(strapi);
    return (documentId, locale) => indexer.index(documentId, locale);
  },
});
