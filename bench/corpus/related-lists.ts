/**
 * Every stored related list of the corpus, ranked by the app's own rankRelated.
 *
 * The app draws at most `candidateLimit` candidates from its inverted index for one story;
 * here the pool is bounded so 100,000 articles take a minute or two: the candidates of a
 * story are the variants of the same locale and topic within POOL_HALF_WINDOW stories on
 * either side in time (the app offers each new story to its neighbours' lists, so lists hold
 * later stories too), scored by the inverted-index score (sum of weight products over shared
 * terms), the best POOL_SIZE ranked. Groups are independent, so they are split over worker
 * threads (one per core) while the main thread writes finished lists.
 */
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { rankRelated, type RelatedFeatures, type RelatedWeights } from '../../src/domain/related';
import type { Row } from './corpus-db';

const POOL_HALF_WINDOW = 150;
const POOL_SIZE = 60;

export interface RelatedSettings {
  topTerms: number;
  storedListSize: number;
  weights: RelatedWeights;
}

/** What ranking needs of one published variant, in typed arrays (100,000 of them fit easily). */
export interface CompactFeatures {
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

export interface ListInput {
  /** Term of each term id. */
  terms: string[];
  /** Variants of one locale and topic each, in publication order. */
  groups: CompactFeatures[][];
}

/** The lists of one group: entry i says that owner[i]'s list has related[i] at rank[i] (positions in the group). */
export interface GroupLists {
  group: number;
  owner: Int32Array;
  related: Int32Array;
  rank: Int32Array;
  score: Float64Array;
  relevance: Float64Array;
}

function hydrate(item: CompactFeatures, terms: readonly string[]): RelatedFeatures {
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

/** Positions of the best POOL_SIZE candidates by the inverted-index score. */
function candidatePool(group: readonly CompactFeatures[], position: number, scratch: Float64Array): number[] {
  const target = group[position] as CompactFeatures;
  target.termIds.forEach((id, i) => (scratch[id] = target.weights[i] as number));
  const scored: Array<[number, number]> = [];
  const last = Math.min(group.length - 1, position + POOL_HALF_WINDOW);
  for (let other = Math.max(0, position - POOL_HALF_WINDOW); other <= last; other += 1) {
    if (other === position) continue;
    const candidate = group[other] as CompactFeatures;
    let score = 0;
    for (let i = 0; i < candidate.termIds.length; i += 1) score += (scratch[candidate.termIds[i] as number] as number) * (candidate.weights[i] as number);
    if (score > 0) scored.push([other, score]);
  }
  target.termIds.forEach((id) => (scratch[id] = 0));
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return scored.slice(0, POOL_SIZE).map(([other]) => other);
}

export function listsOfGroup(index: number, group: readonly CompactFeatures[], terms: readonly string[], settings: RelatedSettings): GroupLists {
  const scratch = new Float64Array(terms.length);
  const out = { owner: [] as number[], related: [] as number[], rank: [] as number[], score: [] as number[], relevance: [] as number[] };
  const features = new Map<number, RelatedFeatures>();
  const featuresAt = (position: number): RelatedFeatures => {
    let found = features.get(position);
    if (!found) {
      found = hydrate(group[position] as CompactFeatures, terms);
      features.set(position, found);
    }
    return found;
  };
  const positionOf = new Map(group.map((item, position) => [item.documentId, position]));
  for (let position = 0; position < group.length; position += 1) {
    features.delete(position - POOL_HALF_WINDOW - 1);
    const pool = candidatePool(group, position, scratch).map(featuresAt);
    const ranked = rankRelated(featuresAt(position), pool, { weights: settings.weights, now: new Date((group[position] as CompactFeatures).time), limit: settings.storedListSize });
    ranked.forEach((item, rank) => {
      out.owner.push(position);
      out.related.push(positionOf.get(item.documentId) ?? -1);
      out.rank.push(rank);
      out.score.push(item.score);
      out.relevance.push(item.relevance);
    });
  }
  return { group: index, owner: Int32Array.from(out.owner), related: Int32Array.from(out.related), rank: Int32Array.from(out.rank), score: Float64Array.from(out.score), relevance: Float64Array.from(out.relevance) };
}

/** Rows of novinar_related_lists for one group's lists. */
export function listRows(group: readonly CompactFeatures[], lists: GroupLists): Row[] {
  return Array.from(lists.owner, (owner, i) => {
    const target = group[owner] as CompactFeatures;
    return { document_id: target.documentId, locale: target.locale, rank: lists.rank[i] as number, related_document_id: (group[lists.related[i] as number] as CompactFeatures).documentId, score: lists.score[i] as number, relevance: lists.relevance[i] as number };
  });
}

export interface WorkerRequest { terms: string[]; groups: Array<{ index: number; features: CompactFeatures[] }>; settings: RelatedSettings }

/** Worker threads run this file through esbuild-register, like the runner itself. */
const WORKER_SOURCE = `require('esbuild-register/dist/node').register(); require(${JSON.stringify(path.join(__dirname, 'related-lists-worker.ts'))});`;

/** Splits groups over workers, largest first to the least loaded one. */
function assignGroups(input: ListInput, workers: number): Array<Array<{ index: number; features: CompactFeatures[] }>> {
  const buckets = Array.from({ length: workers }, () => ({ load: 0, groups: [] as Array<{ index: number; features: CompactFeatures[] }> }));
  const order = input.groups.map((features, index) => ({ index, features })).sort((a, b) => b.features.length - a.features.length);
  for (const item of order) {
    const bucket = buckets.reduce((least, candidate) => (candidate.load < least.load ? candidate : least));
    bucket.groups.push(item);
    bucket.load += item.features.length;
  }
  return buckets.map((bucket) => bucket.groups).filter((groups) => groups.length > 0);
}

/** Computes every group's lists on worker threads; `onGroup` is called (in the main thread) as each group finishes. */
export async function computeLists(input: ListInput, settings: RelatedSettings, onGroup: (rows: Row[]) => Promise<void>): Promise<void> {
  const threads = Math.max(1, Math.min(os.cpus().length, 4));
  let writing = Promise.resolve();
  await Promise.all(
    assignGroups(input, threads).map(
      (groups) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { terms: input.terms, groups, settings } satisfies WorkerRequest });
          let pending = groups.length;
          worker.on('message', (lists: GroupLists) => {
            const group = input.groups[lists.group] as CompactFeatures[];
            writing = writing.then(() => onGroup(listRows(group, lists)));
            pending -= 1;
            if (pending === 0) void worker.terminate().then(() => resolve());
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (pending > 0 ? reject(new Error(`related-lists worker exited with ${code}`)) : resolve()));
        }),
    ),
  );
  await writing;
}
