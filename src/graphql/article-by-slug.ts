import type { Core } from '@strapi/strapi';
import { ARTICLE, COMMENT } from '../uids';
import { resolveLocale } from '../http/query-params';
import { formatDisplayDate, parseDisplayDateStyle } from '../domain/dates';
import { activeFlags, type FlagValues, type StoryFlag } from '../domain/flags';
import { now } from '../clock';

interface ArticleParent extends FlagValues {
  documentId: string;
  locale?: string;
  publicationDate?: string | null;
  updatedDate?: string | null;
  commentCount?: number;
  flags?: StoryFlag[];
}

/**
 * GraphQL counterpart of the by-slug REST route, answered by the same article service method
 * (`findPageBySlug`), plus display dates, flags and the approved-comment count on the Article
 * type (taken from the by-slug entry when the parent is one).
 */
export function articleBySlugExtension(strapi: Core.Strapi) {
  const displayStyle = () => parseDisplayDateStyle(strapi.config.get('novinar.dateDisplayStyle') as string | undefined);
  const display = (value: string | null | undefined, locale: string | undefined) => (value ? formatDisplayDate(value, locale ?? 'bg', displayStyle()) : null);

  return {
    typeDefs: /* GraphQL */ `
      extend type Query {
        "The published article holding this slug (or a slug it held before) in a locale; null when there is none."
        articleBySlug(slug: String!, locale: I18NLocaleCode): Article
      }
      extend type Article {
        "publicationDate as printed for the article's locale, in Europe/Sofia."
        publicationDateDisplay: String
        "updatedDate as printed for the article's locale, in Europe/Sofia."
        updatedDateDisplay: String
        "Number of approved reader comments."
        commentCount: Int!
        "Breaking/featured flags active now (an expired one is not listed)."
        flags: [StoryFlag!]!
      }
    `,
    resolvers: {
      Query: {
        async articleBySlug(_parent: unknown, args: { slug: string; locale?: string }) {
          const locale = await resolveLocale(strapi, args.locale);
          const service = strapi.service(ARTICLE);
          let lookup = await service.findPageBySlug(args.slug, locale);
          // A former slug answers with the story under its current one (REST answers 301).
          if (lookup.kind === 'moved') lookup = await service.findPageBySlug(lookup.slug, locale);
          // The public entry carries the published row's id, so Strapi's association resolvers on
          // Article (authors, tags, cover, corrections, localizations…) load from that row.
          return lookup.kind === 'found' ? lookup.document : null;
        },
      },
      Article: {
        publicationDateDisplay: (parent: ArticleParent) => display(parent.publicationDate, parent.locale),
        updatedDateDisplay: (parent: ArticleParent) => display(parent.updatedDate, parent.locale),
        flags: (parent: ArticleParent) => parent.flags ?? activeFlags(parent, now()),
        async commentCount(parent: ArticleParent) {
          if (typeof parent.commentCount === 'number') return parent.commentCount;
          return strapi.service(COMMENT).approvedCount(parent.documentId, parent.locale ?? 'bg');
        },
      },
    },
    resolversConfig: {
      'Query.articleBySlug': { auth: false },
      'Article.publicationDateDisplay': { auth: false },
      'Article.updatedDateDisplay': { auth: false },
      'Article.commentCount': { auth: false },
      'Article.flags': { auth: false },
    },
  };
}
