import type { Core } from '@strapi/strapi';
import { relatedDocDisagreements, variantKey } from '../domain/doctor';
import { publishedArticleVariants } from './content-rows';
import { describeVariant as describe, disagreement, repairVariants, type DoctorCheck } from './doctor-check';

export interface VariantIndexCheckSpec {
  name: string;
  /** How the index is named in the report: 'related index', 'search index'. */
  label: string;
  /** How its rows are called in the report: 'indexed', 'search-indexed'. */
  indexedWord: string;
  /** The indexed variants, by variantKey, with the publication date (ISO) each was indexed under. */
  readIndexed(strapi: Core.Strapi): Promise<Map<string, string>>;
  /** Re-indexes a variant from its published row, or removes it when it is not published. */
  createRepair(strapi: Core.Strapi): (documentId: string, locale: string) => Promise<void>;
}

/**
 * An index of article variants against the published variants (the rule of domain/doctor):
 * published ones missing, unpublished or deleted ones still indexed, and ones indexed under
 * another publication date; each repaired by re-indexing it from its published row.
 */
export function variantIndexCheck(spec: VariantIndexCheckSpec): DoctorCheck {
  return {
    name: spec.name,
    cheap: true,
    async run(strapi, { fix, progress, maxReindex }) {
      const published = new Map(
        (await publishedArticleVariants(strapi)).map((row) => [variantKey(row.documentId, row.locale), row.publicationDate?.toISOString() ?? null]),
      );
      const found = relatedDocDisagreements(published, await spec.readIndexed(strapi));
      let repaired = 0;
      let deferred: string | undefined;
      if (fix) {
        const todo = [...new Set([...found.missing, ...found.orphan, ...found.stale])];
        if (todo.length > maxReindex) deferred = `${todo.length - maxReindex} variants left to re-index`;
        repaired = await repairVariants(todo.slice(0, maxReindex), spec.label, progress, spec.createRepair(strapi));
      }
      return {
        check: spec.name,
        disagreements: [
          ...disagreement(`published article variants missing from the ${spec.label}`, found.missing, describe),
          ...disagreement(`${spec.indexedWord} variants that are not published (unpublished or deleted)`, found.orphan, describe),
          ...disagreement(`${spec.indexedWord} under another publication date`, found.stale, describe),
        ],
        repaired,
        deferred,
      };
    },
  };
}
