/**
 * article service: core CRUD plus the public lookups REST and GraphQL share.
 */
import { factories } from '@strapi/strapi';
import { findFormerSlug, type SlugLookup } from '../../../slugs/find-by-slug';
import { ARTICLE } from '../../../uids';
import { findRelated, relatedCards, type RelatedFeed } from '../../../related/find-related';
import type { TeaserCard } from '../../../cards/teaser-cards';
import { createPublicArticleReader } from '../../../articles/public-article-reader';
import { articlePageExtras, type ArticlePageExtras } from '../../../seo/article-page';
import type { StoryFlag } from '../../../domain/flags';

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
export type PublicArticlePage = PublicArticle & ArticlePageExtras;

/** The /seo answer out of the by-slug answer (the bylines' documentIds are for cache tags). */
export function seoAnswerOf(page: PublicArticlePage): ArticleSeoAnswer {
  const { documentId, locale, slug, authors, localizations, seo } = page as PublicArticlePage & { authors?: Array<{ documentId: string }> };
  return { documentId, locale, slug: String(slug), authorDocumentIds: (authors ?? []).map((author) => author.documentId), localizations, seo };
}

export default factories.createCoreService(ARTICLE, ({ strapi }) => ({
  /**
   * The public answer by slug, for REST (`GET /api/articles/by-slug/:slug`, `/seo`) and GraphQL
   * (`articleBySlug`, `articleSeo`, `Article.seo`) alike: the published, released article holding
   * `slug` in `locale`, read in SQL (`articles/public-article-reader.ts`: public fields and
   * relations, corrections, the flags active now, the approved-comment count), with its other
   * public locale variants (`localizations`) and its page head (`seo`); `moved` with the current
   * slug for a slug the article held before; `missing` otherwise. The entry holds public
   * fields only, so it needs no sanitizer pass.
   */
  async findPageBySlug(slug: string, locale: string): Promise<SlugLookup<PublicArticlePage>> {
    const reading = await createPublicArticleReader(strapi).bySlug(slug, locale);
    if (!reading) return findFormerSlug(strapi, ARTICLE, slug, locale);
    const { entry, variants, authorLinks } = reading;
    const article: PublicArticle = {
      ...entry,
      documentId: entry.documentId as string,
      locale: entry.locale as string,
      commentCount: entry.commentCount as number,
    };
    return { kind: 'found', document: { ...article, ...(await articlePageExtras(strapi, article, { variants, authorLinks })) } };
  },

  /** The page head of the story with `slug` (REST /seo and GraphQL's articleSeo and Article.seo): the by-slug answer's `seo` and `localizations`. */
  async findSeoBySlug(slug: string, locale: string): Promise<SlugLookup<ArticleSeoAnswer>> {
    const lookup = await this.findPageBySlug(slug, locale);
    return lookup.kind === 'found' ? { kind: 'found', document: seoAnswerOf(lookup.document) } : lookup;
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
