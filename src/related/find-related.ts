import type { Core } from '@strapi/strapi';
import { isNearDuplicate } from '../domain/related';
import { findBySlug, type SlugLookup } from '../slugs/find-by-slug';
import { ARTICLE } from '../uids';
import { createRelatedIndexer } from './related-indexer';
import { createRelatedStore } from './related-store';
import { cardsFor, type TeaserCard } from '../cards/teaser-cards';
import { createCardSourceReader } from '../cards/card-sources';

export const RELATED_DEFAULT_LIMIT = 3;
export const RELATED_MAX_LIMIT = 20;

interface WithPicks {
  documentId: string;
  relatedArticles?: Array<{ documentId: string }>;
}

/**
 * The related feed of an article: the editor's picks first in their order, then the stored
 * computed list; never the article itself, never two copies of one story (near-duplicate
 * fingerprints), only published and released stories of the same locale.
 */
export interface RelatedFeed {
  articleDocumentId: string;
  cards: TeaserCard[];
}

export async function findRelated(strapi: Core.Strapi, slug: string, locale: string, limit: number): Promise<SlugLookup<RelatedFeed>> {
  // The common case in SQL (published, released, current slug); former slugs (301) and misses
  // take the general lookup.
  const direct = await createCardSourceReader(strapi).articleWithPicks(slug, locale);
  const lookup: SlugLookup<WithPicks> = direct
    ? { kind: 'found', document: direct }
    : await findBySlug<WithPicks>(strapi, ARTICLE, slug, locale, { relatedArticles: { fields: ['documentId'] } });
  if (lookup.kind !== 'found') return lookup;
  return { kind: 'found', document: { articleDocumentId: lookup.document.documentId, cards: await relatedCards(strapi, lookup.document, locale, limit) } };
}

export async function relatedCards(strapi: Core.Strapi, article: WithPicks, locale: string, limit: number): Promise<TeaserCard[]> {
  const picks = (article.relatedArticles ?? []).map((pick) => pick.documentId).filter((id) => id !== article.documentId);
  const computed = await createRelatedIndexer(strapi).readList(article.documentId, locale, limit + picks.length);
  const ordered = [...new Set([...picks, ...computed])].filter((id) => id !== article.documentId);
  const stubs = await createRelatedStore(strapi.db.connection).getStubs([article.documentId, ...ordered], locale);
  const fingerprints = new Map([...stubs].map(([documentId, stub]) => [documentId, stub.fingerprint]));
  const chosen: string[] = [];
  const seen: string[] = [fingerprints.get(article.documentId)].filter((fp): fp is string => Boolean(fp));
  for (const id of ordered) {
    const fingerprint = fingerprints.get(id);
    if (fingerprint && seen.some((other) => isNearDuplicate(fingerprint, other))) continue;
    if (fingerprint) seen.push(fingerprint);
    chosen.push(id);
  }
  // Picks that are drafts or embargoed drop out here (cards are read with the public rules).
  return (await cardsFor(strapi, chosen, locale)).slice(0, limit);
}
