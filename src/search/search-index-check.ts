import { relatedDocDisagreements, variantKey } from '../domain/doctor';
import { publishedArticleVariants } from '../doctor/content-rows';
import { describeVariant as describe, disagreement, repairVariants, type DoctorCheck } from '../doctor/doctor-check';
import { SEARCH_DOCS } from './search-engine';
import { createSearchIndexer } from './search-indexer';

/**
 * The search index's variants (`novinar_search_docs`) against the published article variants,
 * by the same rule as the related index's (domain/doctor): published ones missing (not
 * findable), unpublished or deleted ones still indexed (harmless to readers, as search joins
 * the articles under the release rule, but dead weight), and ones indexed under another
 * publication date. Each is repaired by re-indexing from the published row, or removing it.
 */
export const searchIndexCheck: DoctorCheck = {
  name: 'search-index',
  cheap: true,
  async run(strapi, { fix, progress, maxReindex }) {
    const published = new Map(
      (await publishedArticleVariants(strapi)).map((row) => [variantKey(row.documentId, row.locale), row.publicationDate?.toISOString() ?? null]),
    );
    const rows = (await strapi.db.connection(SEARCH_DOCS).select('document_id', 'locale', 'publication_ms')) as Array<{
      document_id: string;
      locale: string;
      publication_ms: number | string;
    }>;
    const indexed = new Map(rows.map((row) => [variantKey(row.document_id, row.locale), new Date(Number(row.publication_ms)).toISOString()]));
    const found = relatedDocDisagreements(published, indexed);
    let repaired = 0;
    let deferred: string | undefined;
    if (fix) {
      const todo = [...new Set([...found.missing, ...found.orphan, ...found.stale])];
      if (todo.length > maxReindex) deferred = `${todo.length - maxReindex} variants left to re-index`;
      const indexer = createSearchIndexer(strapi);
      repaired = await repairVariants(todo.slice(0, maxReindex), 'search index', progress, (documentId, locale) => indexer.index(documentId, locale));
    }
    return {
      check: this.name,
      disagreements: [
        ...disagreement('published article variants missing from the search index', found.missing, describe),
        ...disagreement('search-indexed variants that are not published (unpublished or deleted)', found.orphan, describe),
        ...disagreement('search-indexed under another publication date', found.stale, describe),
      ],
      repaired,
      deferred,
    };
  },
};
