import type { Core } from '@strapi/strapi';
import {
  buildTermVector,
  dfDeltas,
  fingerprintText,
  rankRelated,
  rankScored,
  relevanceOf,
  weighTerms,
  type ScoredEntry,
  type RelatedFeatures,
  type RelatedWeights,
} from '../domain/related';
import { blocksToText } from '../domain/text';
import { now } from '../clock';
import { ARTICLE } from '../uids';
import { createRelatedStore, type RelatedStore } from './related-store';
import { invalidateTags, relatedTag } from '../cache/response-cache';

export interface RelatedSettings {
  topTerms: number;
  candidateLimit: number;
  queryTerms: number;
  postingsPerTerm: number;
  windowDays: number;
  storedListSize: number;
  weights: RelatedWeights;
}

interface PublishedArticle {
  documentId: string;
  locale: string;
  title: string;
  lede?: string | null;
  body?: unknown;
  publicationDate?: string | null;
  tags?: Array<{ documentId: string }>;
  section?: { documentId: string } | null;
  sourceAgency?: { documentId: string } | null;
}

const DAY_MS = 86_400_000;

/** What indexing needs of a published variant, its body already flattened to text. */
export interface IndexableArticle {
  documentId: string;
  locale: string;
  title: string;
  lede: string;
  body: string;
  publicationDate: string;
  tags: string[];
  section: string | null;
  agency: string | null;
}

/**
 * Analyses one variant into the index: its document frequencies are counted first, then its
 * terms are weighed against the df table of that moment, as at publish time. The indexer and
 * the benchmark corpus (bench/corpus) both index through this function.
 */
export async function indexArticle(
  store: RelatedStore,
  article: IndexableArticle,
  topTerms: number,
): Promise<{ features: RelatedFeatures; allTerms: string[] }> {
  const tf = buildTermVector({ title: article.title, lede: article.lede, body: article.body }, article.locale);
  const allTerms = Object.keys(tf);
  const old = await store.getDoc(article.documentId, article.locale);
  await store.applyDf(article.locale, dfDeltas(old?.allTerms ?? [], allTerms));
  const total = (await store.countDocs(article.locale)) + (old ? 0 : 1);
  const df = await store.dfOf(article.locale, allTerms);
  const features: RelatedFeatures = {
    documentId: article.documentId,
    locale: article.locale,
    publicationDate: article.publicationDate,
    tags: [...article.tags].sort(),
    section: article.section,
    agency: article.agency,
    terms: weighTerms(tf, (term) => df.get(term) ?? 1, total, topTerms),
    fingerprint: fingerprintText(`${article.title}\n\n${article.body}`, article.locale),
  };
  await store.saveDoc({ features, allTerms });
  return { features, allTerms };
}

/**
 * Computes and stores one variant's list from the inverted index: candidates (top terms,
 * recency window, candidate limit), ranked by rankRelated. Shared by the indexer and the
 * benchmark corpus.
 */
export async function computeRelatedList(
  store: RelatedStore,
  target: RelatedFeatures,
  settings: RelatedSettings,
  at: Date,
): Promise<Array<{ documentId: string; score: number }>> {
  const { candidateLimit, windowDays, storedListSize, weights, queryTerms, postingsPerTerm } = settings;
  const published = new Date(target.publicationDate).getTime();
  const ids = await store.candidates(target, {
    since: new Date(published - windowDays * DAY_MS),
    until: new Date(published + windowDays * DAY_MS),
    limit: candidateLimit,
    queryTerms,
    postingsPerTerm,
  });
  const candidates = await store.getDocs(ids, target.locale);
  const ranked = rankRelated(
    target,
    candidates.map((doc) => doc.features),
    { weights, now: at, limit: storedListSize },
  );
  await store.saveList(target.documentId, target.locale, ranked);
  return ranked;
}

/**
 * Keeps the related-article index and the stored lists current. All work at write time is
 * bounded: one article is analysed, candidates come from the inverted index (top terms,
 * recency window, candidate limit), and only the neighbours it touches are updated; nothing
 * scans the corpus. Reads are then a single indexed lookup of the stored list.
 */
export function createRelatedIndexer(strapi: Core.Strapi) {
  const settings = () => strapi.config.get('novinar.related') as RelatedSettings;

  async function loadPublished(documentId: string, locale: string): Promise<PublishedArticle | null> {
    return (await strapi.db.query(ARTICLE).findOne({
      where: { documentId, locale, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'title', 'lede', 'body', 'publicationDate'],
      populate: { tags: { select: ['documentId'] }, section: { select: ['documentId'] }, sourceAgency: { select: ['documentId'] } },
    })) as PublishedArticle | null;
  }

  /** A store whose saved lists are remembered, to invalidate their cached feeds after commit. */
  function trackingStore(trx: Parameters<typeof createRelatedStore>[0], touched: Set<string>): RelatedStore {
    const store = createRelatedStore(trx);
    return {
      ...store,
      async saveList(documentId, locale, ranked) {
        touched.add(relatedTag(documentId, locale));
        return store.saveList(documentId, locale, ranked);
      },
    };
  }

  /**
   * Runs index writes of one locale in a transaction holding the locale's index lock. Cached
   * feeds of the lists it saved are dropped once readers can see them: right after, or, inside
   * a longer transaction (a delete with its clean-up), when that one commits.
   */
  async function withTracking(locale: string, fn: (trx: Parameters<typeof createRelatedStore>[0], touched: Set<string>) => Promise<void>): Promise<void> {
    const touched = new Set<string>();
    const nested = strapi.db.inTransaction();
    await strapi.db.transaction(async ({ trx, onCommit }) => {
      // Cast: Strapi's transaction callback types trx as its own wrapper; it is the knex transaction.
      const db = trx as unknown as Parameters<typeof createRelatedStore>[0];
      await createRelatedStore(db).lockLocale(locale);
      await fn(db, touched);
      if (nested) {
        onCommit(() => {
          invalidateTags([...touched]).catch((error: Error) => strapi.log.warn(`related feeds not invalidated: ${error.message}`));
        });
      }
    });
    if (!nested) await invalidateTags([...touched]);
  }

  const computeList = (store: RelatedStore, target: RelatedFeatures, at: Date) => computeRelatedList(store, target, settings(), at);

  /**
   * Offers the new story to the lists of the stories it is related to: each list is re-ranked
   * with it from the stored relevance of its entries (dates and fingerprints are read, not the
   * entries' term vectors), which gives the list a full re-ranking would. Entries stored
   * without a relevance are scored from their articles.
   */
  async function offerToNeighbours(store: RelatedStore, target: RelatedFeatures, neighbours: ReadonlyArray<{ documentId: string }>, at: Date): Promise<void> {
    if (neighbours.length === 0) return;
    const { storedListSize, weights } = settings();
    const ids = neighbours.map((neighbour) => neighbour.documentId);
    const lists = await store.getLists(ids, target.locale);
    const owners = new Map((await store.getDocs(ids, target.locale)).map((doc) => [doc.features.documentId, doc.features]));
    const entries = [...lists.values()].flat().filter((item) => item.documentId !== target.documentId);
    const stubs = await store.getStubs([...new Set(entries.map((item) => item.documentId))], target.locale);
    const unknown = [...new Set(entries.filter((item) => item.relevance === null || item.relevance === undefined).map((item) => item.documentId))];
    const full = new Map((await store.getDocs(unknown, target.locale)).map((doc) => [doc.features.documentId, doc.features]));
    for (const id of ids) {
      const owner = owners.get(id);
      if (!owner) continue;
      const pool: ScoredEntry[] = [];
      for (const item of lists.get(id) ?? []) {
        const stub = stubs.get(item.documentId);
        if (item.documentId === target.documentId || !stub) continue;
        const features = full.get(item.documentId);
        const relevance = item.relevance ?? (features ? relevanceOf(owner, features, weights) : null);
        if (relevance !== null) pool.push({ documentId: item.documentId, relevance, ...stub });
      }
      pool.push({
        documentId: target.documentId,
        publicationDate: target.publicationDate,
        fingerprint: target.fingerprint,
        relevance: relevanceOf(owner, target, weights),
      });
      await store.saveList(id, target.locale, rankScored(owner, pool, { weights, now: at, limit: storedListSize }));
    }
  }

  function analyse(store: RelatedStore, article: PublishedArticle): Promise<{ features: RelatedFeatures; allTerms: string[] }> {
    const indexable: IndexableArticle = {
      documentId: article.documentId,
      locale: article.locale,
      title: article.title,
      lede: article.lede ?? '',
      body: blocksToText(article.body),
      publicationDate: new Date(article.publicationDate ?? now()).toISOString(),
      tags: (article.tags ?? []).map((tag) => tag.documentId),
      section: article.section?.documentId ?? null,
      agency: article.sourceAgency?.documentId ?? null,
    };
    return indexArticle(store, indexable, settings().topTerms);
  }

  async function removeWith(store: RelatedStore, documentId: string, locale: string): Promise<void> {
    const old = await store.getDoc(documentId, locale);
    const neighbours = await store.listsContaining(documentId, locale);
    if (old) await store.applyDf(locale, dfDeltas(old.allTerms, []));
    await store.deleteDoc(documentId, locale);
    const at = now();
    for (const doc of await store.getDocs(neighbours, locale)) await computeList(store, doc.features, at);
  }

  /** Removes a variant from the index and repairs every list that contained it. */
  async function remove(documentId: string, locale: string): Promise<void> {
    await withTracking(locale, (trx, touched) => removeWith(trackingStore(trx, touched), documentId, locale));
  }

  /**
   * (Re-)indexes a published variant, computes its list and offers it to its neighbours' lists;
   * a variant that is not published (any more) is removed instead. The article is read under
   * the locale's index lock, so a delete committing meanwhile is seen and never re-indexed.
   */
  async function index(documentId: string, locale: string, options: { computeLists?: boolean } = {}): Promise<void> {
    await withTracking(locale, async (trx, touched) => {
      const store = trackingStore(trx, touched);
      const article = await loadPublished(documentId, locale);
      if (!article) return removeWith(store, documentId, locale);
      const { features } = await analyse(store, article);
      if (options.computeLists === false) return;
      const at = now();
      const previousNeighbours = await store.listsContaining(documentId, locale);
      const ranked = await computeList(store, features, at);
      await offerToNeighbours(store, features, ranked, at);
      // Lists that held the old version but no longer relate to the new text are re-ranked too.
      const stale = previousNeighbours.filter((id) => !ranked.some((item) => item.documentId === id));
      for (const doc of await store.getDocs(stale, locale)) await computeList(store, doc.features, at);
    });
  }

  /** Recomputes the stored list of one variant from the current index (used by the rebuild). */
  async function recomputeList(documentId: string, locale: string): Promise<void> {
    await withTracking(locale, async (trx, touched) => {
      const store = trackingStore(trx, touched);
      const doc = await store.getDoc(documentId, locale);
      if (doc) await computeList(store, doc.features, now());
    });
  }

  async function readList(documentId: string, locale: string, limit: number): Promise<string[]> {
    return createRelatedStore(strapi.db.connection).readList(documentId, locale, now(), limit);
  }

  return { index, remove, recomputeList, readList };
}

export type RelatedIndexer = ReturnType<typeof createRelatedIndexer>;
