import type { Core } from '@strapi/strapi';
import { findBySlug, type SlugLookup } from '../slugs/find-by-slug';
import { latestTeasers, type LatestPage } from '../teasers/latest-teasers';
import { AUTHOR } from '../uids';

export interface AuthorCardsQuery {
  slug: string;
  locale: string;
  limit: number;
  cursor?: string;
}
export interface AuthorCards extends LatestPage {
  authorDocumentId: string;
}

/**
 * The newest stories of a published author, as cards: the author is looked up by slug first
 * (the Document Service applies the public rules, so a draft author is `missing`), then the
 * latest feed is narrowed to stories whose published row credits that author. Stories go through
 * the same public rules as every feed: published and released only.
 */
export async function findAuthorCards(strapi: Core.Strapi, query: AuthorCardsQuery): Promise<SlugLookup<AuthorCards>> {
  const lookup = await findBySlug<{ documentId: string; slug: string }>(strapi, AUTHOR, query.slug, query.locale, undefined);
  if (lookup.kind !== 'found') return lookup;
  const page = await latestTeasers(strapi, { locale: query.locale, limit: query.limit, cursor: query.cursor, author: lookup.document.slug });
  return { kind: 'found', document: { ...page, authorDocumentId: lookup.document.documentId } };
}
