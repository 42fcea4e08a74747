/**
 * article service: core CRUD plus the public lookups REST and GraphQL share.
 */
import { factories } from '@strapi/strapi';
import { findBySlug, type SlugLookup } from '../../../slugs/find-by-slug';
import { ARTICLE, COMMENT } from '../../../uids';
import { findRelated, relatedCards, type RelatedFeed } from '../../../related/find-related';
import type { TeaserCard } from '../../../cards/teaser-cards';
import { createPublicArticleReader } from '../../../articles/public-article-reader';
import { articlePageExtras, type ArticlePageExtras } from '../../../seo/article-page';
import { activeFlags, type FlagValues, type StoryFlag } from '../../../domain/flags';
import { now } from '../../../clock';

/** What a public article response carries besides its own fields. */
export const ARTICLE_PUBLIC_POPULATE = {
  authors: { fields: ['name', 'slug', 'role'] },
  sourceAgency: { fields: ['name', 'creditLine', 'slug', 'url', 'kind'] },
  citedAgencies: { fields: ['name', 'creditLine', 'slug', 'url', 'kind'] },
  tags: { fields: ['name', 'slug'] },
  section: { fields: ['name', 'slug'] },
  cover: { fields: ['url', 'alternativeText', 'caption', 'width', 'height', 'formats', 'mime'] },
  teaser: { fields: ['title', 'lede', 'slug', 'url'], populate: { image: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] } } },
  corrections: { fields: ['date', 'note'] },
} as const;

/** The page head of a story, with what it depends on (for cache tags). */
export interface ArticleSeoAnswer extends ArticlePageExtras {
  documentId: string;
  locale: string;
  slug: string;
  authorDocumentIds: string[];
}

export interface PublicArticle {
  documentId: string;
  locale: string;
  commentCount: number;
  flags?: StoryFlag[];
  [field: string]: unknown;
}

export default factories.createCoreService(ARTICLE, ({ strapi }) => ({
  /** The published, released article holding `slug` in `locale`, a redirect to its current slug, or nothing. */
  async findPublicBySlug(slug: string, locale: string): Promise<SlugLookup<PublicArticle>> {
    const lookup = await findBySlug<PublicArticle>(strapi, ARTICLE, slug, locale, ARTICLE_PUBLIC_POPULATE);
    if (lookup.kind !== 'found') return lookup;
    const commentCount: number = await strapi.service(COMMENT).approvedCount(lookup.document.documentId, locale);
    // The flags active now, never the stored values (private fields; an expired flag is not shown).
    return { kind: 'found', document: { ...lookup.document, commentCount, flags: activeFlags(lookup.document as FlagValues, now()) } };
  },

  /**
   * The REST by-slug response entry: read in SQL when the slug is an article's current one
   * (public fields only, no sanitizer pass needed: `public: true`), else the general lookup
   * (former slug → moved, or missing).
   */
  async findPublicEntryBySlug(slug: string, locale: string): Promise<SlugLookup<PublicArticle> & { public?: boolean }> {
    const entry = await createPublicArticleReader(strapi).bySlug(slug, locale);
    if (!entry) return this.findPublicBySlug(slug, locale);
    return {
      kind: 'found',
      document: { ...entry, documentId: entry.documentId as string, locale: entry.locale as string, commentCount: entry.commentCount as number },
      public: true,
    };
  },

  /**
   * The REST by-slug answer: the public entry plus its published locale variants
   * (`localizations`) and its page head (`seo`).
   */
  async findPageBySlug(slug: string, locale: string): Promise<SlugLookup<PublicArticle & ArticlePageExtras> & { public?: boolean }> {
    const lookup = await this.findPublicEntryBySlug(slug, locale);
    if (lookup.kind !== 'found') return lookup;
    return { ...lookup, document: { ...lookup.document, ...(await articlePageExtras(strapi, lookup.document)) } };
  },

  /** The page head of the story with `slug` (REST /seo and GraphQL's articleSeo and Article.seo). */
  async findSeoBySlug(slug: string, locale: string): Promise<SlugLookup<ArticleSeoAnswer>> {
    const lookup = await this.findPublicEntryBySlug(slug, locale);
    if (lookup.kind !== 'found') return lookup;
    const { documentId, authors } = lookup.document as PublicArticle & { authors?: Array<{ documentId: string }> };
    const extras = await articlePageExtras(strapi, lookup.document);
    return {
      kind: 'found',
      document: { documentId, locale, slug: String(lookup.document.slug), authorDocumentIds: (authors ?? []).map((author) => author.documentId), ...extras },
    };
  },

  /** Cards of the stories related to the article with `slug` (editor's picks first). */
  async findRelated(slug: string, locale: string, limit: number): Promise<SlugLookup<RelatedFeed>> {
    return findRelated(strapi, slug, locale, limit);
  },

  /** The same feed for an article already in hand (GraphQL's Article.related). */
  async findRelatedFor(article: { documentId: string; locale: string }, limit: number): Promise<TeaserCard[]> {
    const withPicks = (await strapi.documents(ARTICLE).findOne({
      documentId: article.documentId,
      locale: article.locale,
      status: 'published',
      populate: { relatedArticles: { fields: ['documentId'] } },
      // Cast: The Document Service returns the generated entity type; only these fields are read.
    } as never)) as unknown as { documentId: string; relatedArticles?: Array<{ documentId: string }> } | null;
    return withPicks ? relatedCards(strapi, withPicks, article.locale, limit) : [];
  },
}));
