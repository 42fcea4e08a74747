import type { Core } from '@strapi/strapi';
import { resolveLocale } from '../http/query-params';
import { ARTICLE } from '../uids';
import type { PublicArticlePage } from '../api/article/services/article';

const isPageAnswer = (parent: { seo?: unknown; localizations?: unknown }): parent is Pick<PublicArticlePage, 'seo' | 'localizations'> =>
  typeof parent.seo === 'object' &&
  parent.seo !== null &&
  Array.isArray(parent.localizations) &&
  parent.localizations.every((variant) => typeof (variant as { path?: unknown }).path === 'string');

/**
 * The page head of a story over GraphQL (`articleSeo(slug)` and `Article.seo`), from the same
 * article service method as `GET /api/articles/by-slug/:slug/seo`. Open Graph, Twitter and
 * JSON-LD are JSON: their property names (`og:title`, `@type`) are not GraphQL names.
 */
export function seoExtension(strapi: Core.Strapi) {
  const findSeo = async (slug: string, locale: string) => {
    let lookup = await strapi.service(ARTICLE).findSeoBySlug(slug, locale);
    // A former slug finds the story as articleBySlug does.
    if (lookup.kind === 'moved') lookup = await strapi.service(ARTICLE).findSeoBySlug(lookup.slug, locale);
    if (lookup.kind !== 'found') return null;
    return { ...lookup.document.seo, localizations: lookup.document.localizations };
  };
  return {
    typeDefs: /* GraphQL */ `
      type SeoAlternate {
        hreflang: String!
        href: String!
      }
      type ArticleLocalization {
        locale: String!
        slug: String!
        path: String!
        url: String!
      }
      type ArticleSeo {
        metaTitle: String!
        metaDescription: String
        canonicalUrl: String!
        "hreflang links of every published variant, and x-default to the Bulgarian one."
        alternates: [SeoAlternate!]!
        "The other published locale variants of the story."
        localizations: [ArticleLocalization!]!
        "Open Graph properties: og:* and article:* names to contents (arrays for repeated ones)."
        openGraph: JSON!
        "Twitter card properties: twitter:* names to contents."
        twitter: JSON!
        "schema.org NewsArticle JSON-LD, ready for a script tag of type application/ld+json."
        jsonLd: JSON!
      }
      extend type Query {
        "The page head of the published story holding this slug in a locale; null when there is none."
        articleSeo(slug: String!, locale: I18NLocaleCode): ArticleSeo
      }
      extend type Article {
        "The page head of this story (null unless the story is published and released)."
        seo: ArticleSeo
      }
    `,
    resolvers: {
      Query: {
        async articleSeo(_parent: unknown, args: { slug: string; locale?: string }) {
          const locale = await resolveLocale(strapi, args.locale);
          return findSeo(args.slug, locale);
        },
      },
      Article: {
        async seo(parent: { slug?: string | null; locale?: string | null; seo?: unknown; localizations?: unknown }) {
          // articleBySlug's parent is the by-slug answer, which already holds the page head.
          if (isPageAnswer(parent)) return { ...parent.seo, localizations: parent.localizations };
          return parent.slug && parent.locale ? findSeo(parent.slug, parent.locale) : null;
        },
      },
    },
    resolversConfig: {
      'Query.articleSeo': { auth: false },
      'Article.seo': { auth: false },
    },
  };
}
