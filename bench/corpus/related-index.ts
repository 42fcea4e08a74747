/**
 * The related-article index of the generated corpus, filled the way the app fills it when
 * stories are published one after another (src/related/related-indexer.ts), but in memory:
 *
 * - `add` is called in publication order: it counts the variant's terms into the document
 *   frequencies first, then weighs its terms with the app's weighTerms against the df and
 *   total of that moment, exactly like `analyse` at publish time.
 * - `lists` computes every stored list with the app's rankRelated. The app draws at most
 *   `candidateLimit` candidates from its inverted index; here the pool is bounded twice so
 *   100,000 articles take about a minute: candidates are the variants of the same locale and
 *   topic within POOL_HALF_WINDOW stories on either side in time (the app offers each new
 *   story to its neighbours' lists, so lists also hold later stories), scored by the
 *   inverted-index score (sum of weight products over shared terms), best POOL_SIZE ranked.
 */
import { rankRelated, weighTerms, type RelatedFeatures, type RelatedWeights, type WeightedTerm } from '../../src/domain/related';
import type { Row } from './corpus-db';

const POOL_HALF_WINDOW = 150;
const POOL_SIZE = 60;

export interface RelatedSettings {
  topTerms: number;
  storedListSize: number;
  weights: RelatedWeights;
}

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

interface Compact {
  documentId: string;
  locale: string;
  time: number;
  termIds: Int32Array;
  weights: Float64Array;
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
  const groups = new Map<string, Compact[]>();

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

  function hydrate(item: Compact): RelatedFeatures {
    return {
      documentId: item.documentId,
      locale: item.locale,
      publicationDate: new Date(item.time).toISOString(),
      tags: item.tags,
      section: item.section,
      agency: item.agency,
      terms: Array.from(item.termIds, (id, i) => ({ term: terms[id] as string, weight: item.weights[i] as number })),
      fingerprint: item.fingerprint,
    };
  }

  /** The stored list rows of every variant of one group (one locale and topic, in time order). */
  function listsOfGroup(group: readonly Compact[], scratch: Float64Array): Row[] {
    const rows: Row[] = [];
    const features = new Map<number, RelatedFeatures>();
    const featuresAt = (position: number): RelatedFeatures => {
      let found = features.get(position);
      if (!found) {
        found = hydrate(group[position] as Compact);
        features.set(position, found);
      }
      return found;
    };
    for (let position = 0; position < group.length; position += 1) {
      features.delete(position - POOL_HALF_WINDOW - 1);
      const target = group[position] as Compact;
      target.termIds.forEach((id, i) => (scratch[id] = target.weights[i] as number));
      const scored: Array<[number, number]> = [];
      const last = Math.min(group.length - 1, position + POOL_HALF_WINDOW);
      for (let other = Math.max(0, position - POOL_HALF_WINDOW); other <= last; other += 1) {
        if (other === position) continue;
        const candidate = group[other] as Compact;
        let score = 0;
        for (let i = 0; i < candidate.termIds.length; i += 1) score += (scratch[candidate.termIds[i] as number] as number) * (candidate.weights[i] as number);
        if (score > 0) scored.push([other, score]);
      }
      target.termIds.forEach((id) => (scratch[id] = 0));
      scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const pool = scored.slice(0, POOL_SIZE).map(([other]) => featuresAt(other));
      const ranked = rankRelated(featuresAt(position), pool, { weights: settings.weights, now: new Date(target.time), limit: settings.storedListSize });
      ranked.forEach((item, rank) => rows.push({ document_id: target.documentId, locale: target.locale, rank, related_document_id: item.documentId, score: item.score }));
    }
    return rows;
  }

  /** Stored lists, one group (locale and topic) at a time so the caller can write as it goes. */
  function* lists(): Generator<Row[]> {
    const scratch = new Float64Array(terms.length);
    for (const group of groups.values()) yield listsOfGroup(group, scratch);
  }

  function dfRows(): Row[] {
    const rows: Row[] = [];
    for (const [locale, counts] of df) for (const [term, count] of counts) rows.push({ locale, term, df: count });
    return rows;
  }

  return { add, lists, dfRows };
}
