import type { Core } from '@strapi/strapi';
import { resolveLocale } from '../http/query-params';
import { searchQueryOf } from '../search/search-params';
import type { SearchPage } from '../search/find-search';

/** `search(...)`: the same page of cards as GET /api/search, from the same service method. */
export function searchExtension(strapi: Core.Strapi) {
  return {
    typeDefs: /* GraphQL */ `
      type SearchCard {
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
        "Bylines in order (published authors only); empty on a wire story."
        authors: [TeaserCardAuthor!]!
        commentCount: Int!
        "Breaking/featured flags active now (an expired one is not listed)."
        flags: [StoryFlag!]!
        "HTML-escaped passage of the story with each hit wrapped in <mark>…</mark>."
        snippet: String!
      }
      type SearchPage {
        cards: [SearchCard!]!
        total: Int!
        page: Int!
        pageSize: Int!
        pageCount: Int!
        matched: String!
        terms: [String!]!
      }
      extend type Query {
        "Published, released stories matching q (word forms and Latin-typed Bulgarian too), most relevant first."
        search(
          q: String!
          locale: I18NLocaleCode
          limit: Int
          page: Int
          section: String
          tag: String
          agency: String
          author: String
          from: String
          to: String
        ): SearchPage!
      }
    `,
    resolvers: {
      Query: {
        async search(_parent: unknown, args: Record<string, unknown>): Promise<SearchPage> {
          const locale = await resolveLocale(strapi, args.locale);
          return strapi.service('api::search.search').findSearch(searchQueryOf(args, locale));
        },
      },
    },
    resolversConfig: { 'Query.search': { auth: false } },
  };
}
