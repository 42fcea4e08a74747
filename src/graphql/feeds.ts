import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { resolveLocale } from '../http/query-params';
import { SLUG_PATTERN } from '../domain/slug';
import { RELATED_DEFAULT_LIMIT, RELATED_MAX_LIMIT } from '../related/find-related';
import { LATEST_DEFAULT_LIMIT, LATEST_MAX_LIMIT } from '../teasers/latest-teasers';
import { ARTICLE, TEASER } from '../uids';
import type { StoryFlag } from '../domain/flags';

function bounded(value: number | null | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new errors.ValidationError(`${name} must be a whole number from 1 to ${max}.`);
  return value;
}

function slugArg(value: string | null | undefined, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!SLUG_PATTERN.test(value)) throw new errors.ValidationError(`${name} must be a slug (lower-case a-z, 0-9 and hyphens).`);
  return value;
}

/** relatedArticles, latestTeasers and Article.related: the same cards, from the same services, as REST. */
export function feedsExtension(strapi: Core.Strapi) {
  return {
    typeDefs: /* GraphQL */ `
      type TeaserCardImage {
        url: String!
        alternativeText: String
        width: Int
        height: Int
        formats: JSON
      }
      type TeaserCardSection {
        name: String!
        slug: String!
      }
      type TeaserCardAuthor {
        documentId: ID!
        name: String!
        slug: String!
      }
      "A story's breaking („Извънредно“) or featured („Водеща“) flag."
      enum StoryFlag {
        breaking
        featured
      }
      type TeaserCard {
        documentId: ID!
        locale: String!
        title: String!
        lede: String
        slug: String!
        path: String!
        "The story's absolute address on the public site."
        url: String!
        image: TeaserCardImage
        publicationDate: DateTime
        publicationDateDisplay: String
        creditLine: String
        section: TeaserCardSection
        "Bylines in order; empty on a wire story."
        authors: [TeaserCardAuthor!]!
        commentCount: Int!
        "Breaking/featured flags active now (an expired one is not listed)."
        flags: [StoryFlag!]!
      }
      type TeaserCardPage {
        cards: [TeaserCard!]!
        nextCursor: String
      }
      extend type Query {
        "Cards of the stories related to an article: the editor's picks first, then computed ones; null for a slug no published article holds."
        relatedArticles(slug: String!, locale: I18NLocaleCode, limit: Int): [TeaserCard!]
        "Newest stories first, optionally of one section, tag or agency (slugs), or only those flagged breaking or featured now; page with nextCursor."
        latestTeasers(locale: I18NLocaleCode, limit: Int, section: String, tag: String, agency: String, cursor: String, flag: StoryFlag): TeaserCardPage!
      }
      extend type Article {
        "Cards of related stories (same rules as relatedArticles)."
        related(limit: Int): [TeaserCard!]!
      }
    `,
    resolvers: {
      Query: {
        async relatedArticles(_parent: unknown, args: { slug: string; locale?: string; limit?: number }) {
          const locale = await resolveLocale(strapi, args.locale);
          const limit = bounded(args.limit, 'limit', RELATED_DEFAULT_LIMIT, RELATED_MAX_LIMIT);
          let lookup = await strapi.service(ARTICLE).findRelated(args.slug, locale, limit);
          if (lookup.kind === 'moved') lookup = await strapi.service(ARTICLE).findRelated(lookup.slug, locale, limit);
          // An unknown slug is an empty answer, not an error that nulls the whole response.
          return lookup.kind === 'found' ? lookup.document.cards : null;
        },
        async latestTeasers(
          _parent: unknown,
          args: { locale?: string; limit?: number; section?: string; tag?: string; agency?: string; cursor?: string; flag?: StoryFlag | null },
        ) {
          const locale = await resolveLocale(strapi, args.locale);
          const page = await strapi.service(TEASER).findLatest({
            locale,
            limit: bounded(args.limit, 'limit', LATEST_DEFAULT_LIMIT, LATEST_MAX_LIMIT),
            section: slugArg(args.section, 'section'),
            tag: slugArg(args.tag, 'tag'),
            agency: slugArg(args.agency, 'agency'),
            cursor: args.cursor ?? undefined,
            flag: args.flag ?? undefined,
          });
          return { cards: page.cards, nextCursor: page.nextCursor };
        },
      },
      Article: {
        async related(parent: { documentId: string; locale: string }, args: { limit?: number }) {
          const limit = bounded(args.limit, 'limit', RELATED_DEFAULT_LIMIT, RELATED_MAX_LIMIT);
          return strapi.service(ARTICLE).findRelatedFor(parent, limit);
        },
      },
    },
    resolversConfig: {
      'Query.relatedArticles': { auth: false },
      'Query.latestTeasers': { auth: false },
      'Article.related': { auth: false },
    },
  };
}
