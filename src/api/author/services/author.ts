/**
 * author service: core CRUD plus the public lookups REST and GraphQL share.
 */
import { factories } from '@strapi/strapi';
import { AUTHOR } from '../../../uids';
import { findBySlug, type SlugLookup } from '../../../slugs/find-by-slug';
import { AUTHOR_PUBLIC_POPULATE } from '../../../authors/author-populate';
import { findAuthorCards, type AuthorCards, type AuthorCardsQuery } from '../../../authors/author-cards';

export interface PublicAuthor {
  documentId: string;
  [field: string]: unknown;
}

export default factories.createCoreService(AUTHOR, ({ strapi }) => ({
  /** The published author holding `slug` in `locale` (with photo and links), a redirect, or nothing. */
  async findPublicBySlug(slug: string, locale: string): Promise<SlugLookup<PublicAuthor>> {
    return findBySlug<PublicAuthor>(strapi, AUTHOR, slug, locale, AUTHOR_PUBLIC_POPULATE);
  },

  /** The author's newest published, released stories as cards (keyset pages). */
  async findArticles(query: AuthorCardsQuery): Promise<SlugLookup<AuthorCards>> {
    return findAuthorCards(strapi, query);
  },
}));
