import { isoFromDb } from '../database/sql';
import { relatedDocDisagreements, variantKey } from '../domain/doctor';
import { createRelatedIndexer } from '../related/related-indexer';
import { DOCS } from '../related/related-store';
import { publishedArticleVariants } from './content-rows';
import { describeVariant as describe, disagreement, repairVariants, type DoctorCheck } from './doctor-check';

/**
 * The related index's variants (`novinar_related_docs`) against the published article
 * variants: published ones missing (in nobody's list), unpublished or deleted ones still
 * indexed (cards of gone stories), and ones indexed under a publication date they no longer
 * have. Each is repaired by the indexer itself, which re-reads the article and indexes it or
 * removes it, repairing its neighbours' lists and the document frequencies on the way.
 */
export const relatedDocsCheck: DoctorCheck = {
  name: 'related-docs',
  cheap: true,
  async run(strapi, { fix, progress, maxReindex }) {
    const published = new Map(
      (await publishedArticleVariants(strapi)).map((row) => [variantKey(row.documentId, row.locale), row.publicationDate?.toISOString() ?? null]),
    );
    const rows = (await strapi.db.connection(DOCS).select('document_id', 'locale', 'publication_date')) as Array<{
      document_id: string;
      locale: string;
      publication_date: unknown;
    }>;
    const indexed = new Map(rows.map((row) => [variantKey(row.document_id, row.locale), isoFromDb(row.publication_date) as string]));
    const found = relatedDocDisagreements(published, indexed);
    let repaired = 0;
    let deferred: string | undefined;
    if (fix) {
      const todo = [...new Set([...found.missing, ...found.orphan, ...found.stale])];
      if (todo.length > maxReindex) deferred = `${todo.length - maxReindex} variants left to re-index`;
      const indexer = createRelatedIndexer(strapi);
      repaired = await repairVariants(todo.slice(0, maxReindex), 'related index', progress, (documentId, locale) => indexer.index(documentId, locale));
    }
    return {
      check: this.name,
      disagreements: [
        ...disagreement('published article variants missing from the related index', found.missing, describe),
        ...disagreement('indexed variants that are not published (unpublished or deleted)', found.orphan, describe),
        ...disagreement('indexed under another publication date', found.stale, describe),
      ],
      repaired,
      deferred,
    };
  },
};
