/**
 * The related-article index of the generated corpus, filled the way the app fills it when
 * stories are published one after another (src/related/related-indexer.ts), but in memory.
 * `add` is called in publication order: it counts the variant's terms into the document
 * frequencies first, then weighs its terms with the app's weighTerms against the df and
 * total of that moment, exactly like `analyse` at publish time. The stored lists are
 * computed afterwards from `snapshot()` (related-lists.ts).
 */
import { weighTerms, type WeightedTerm } from '../../src/domain/related';
import type { Row } from './corpus-db';
import type { CompactFeatures, ListInput, RelatedSettings } from './related-lists';

export interface IndexInput {
  documentId: string;
  locale: string;
  topic: number;
  publicationDate: Date;
  tf: Record<string, number>;
  fingerprint: string;
  tags: string[];
  section: string | null;
  agency: string | null;
}

export function createRelatedIndexBuilder(settings: RelatedSettings) {
  const vocabulary = new Map<string, number>();
  const terms: string[] = [];
  const df = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const groups = new Map<string, CompactFeatures[]>();

  const termId = (term: string): number => {
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = terms.length;
      terms.push(term);
      vocabulary.set(term, id);
    }
    return id;
  };

  function weigh(input: IndexInput): WeightedTerm[] {
    const counts = df.get(input.locale) ?? new Map<string, number>();
    df.set(input.locale, counts);
    for (const term of Object.keys(input.tf)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const total = (totals.get(input.locale) ?? 0) + 1;
    totals.set(input.locale, total);
    return weighTerms(input.tf, (term) => counts.get(term) ?? 1, total, settings.topTerms);
  }

  /** Indexes one published variant; returns its rows for novinar_related_docs and _terms. */
  function add(input: IndexInput): { doc: Row; terms: Row[] } {
    const weighted = weigh(input);
    const key = `${input.locale}:${input.topic}`;
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    const tags = [...input.tags].sort();
    group.push({
      documentId: input.documentId,
      locale: input.locale,
      time: input.publicationDate.getTime(),
      termIds: Int32Array.from(weighted, (entry) => termId(entry.term)),
      weights: Float64Array.from(weighted, (entry) => entry.weight),
      fingerprint: input.fingerprint,
      tags,
      section: input.section,
      agency: input.agency,
    });
    return {
      doc: {
        document_id: input.documentId,
        locale: input.locale,
        publication_date: input.publicationDate,
        fingerprint: input.fingerprint,
        terms: JSON.stringify(weighted),
        all_terms: JSON.stringify(Object.keys(input.tf)),
        tags: JSON.stringify(tags),
        section: input.section,
        agency: input.agency,
      },
      terms: weighted.map((entry) => ({ locale: input.locale, term: entry.term, document_id: input.documentId, weight: entry.weight, publication_date: input.publicationDate })),
    };
  }

  /** The compact features of every variant, per locale and topic in time order, for the lists. */
  function snapshot(): ListInput {
    return { terms, groups: [...groups.values()] };
  }

  function dfRows(): Row[] {
    const rows: Row[] = [];
    for (const [locale, counts] of df) for (const [term, count] of counts) rows.push({ locale, term, df: count });
    return rows;
  }

  return { add, snapshot, dfRows };
}
