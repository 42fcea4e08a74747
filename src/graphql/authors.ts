import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { resolveLocale } from '../http/query-params';
import { LATEST_DEFAULT_LIMIT, LATEST_MAX_LIMIT } from '../teasers/latest-teasers';
import { AUTHOR } from '../uids';

function bounded(value: number | null | undefined, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new errors.ValidationError(`limit must be a whole number from 1 to ${max}.`);
  return value;
}

/**
 * Authors over GraphQL, from the same author service as REST: the author by slug (a former slug
 * finds the author too) and the author's latest stories as cards. Both answer null for a slug
 * no published author holds.
 */
export function authorsExtension(strapi: Core.Strapi) {
  const service = () => strapi.service(AUTHOR);
  return {
    typeDefs: /* GraphQL */ `
      extend type Query {
        "The published author holding this slug (or a slug it held before) in a locale; null when there is none."
        authorBySlug(slug: String!, locale: I18NLocaleCode): Author
        "The newest published stories crediting this author, as cards; null when no published author holds the slug."
        authorArticles(slug: String!, locale: I18NLocaleCode, limit: Int, cursor: String): TeaserCardPage
      }
    `,
    resolvers: {
      Query: {
        async authorBySlug(_parent: unknown, args: { slug: string; locale?: string }) {
          const locale = await resolveLocale(strapi, args.locale);
          let lookup = await service().findPublicBySlug(args.slug, locale);
          if (lookup.kind === 'moved') lookup = await service().findPublicBySlug(lookup.slug, locale);
          return lookup.kind === 'found' ? lookup.document : null;
        },
        async authorArticles(_parent: unknown, args: { slug: string; locale?: string; limit?: number; cursor?: string }) {
          const locale = await resolveLocale(strapi, args.locale);
          const query = { locale, limit: bounded(args.limit, LATEST_DEFAULT_LIMIT, LATEST_MAX_LIMIT), cursor: args.cursor ?? undefined };
          let lookup = await service().findArticles({ ...query, slug: args.slug });
          if (lookup.kind === 'moved') lookup = await service().findArticles({ ...query, slug: lookup.slug });
          return lookup.kind === 'found' ? { cards: lookup.document.cards, nextCursor: lookup.document.nextCursor } : null;
        },
      },
    },
    resolversConfig: {
      'Query.authorBySlug': { auth: false },
      'Query.authorArticles': { auth: false },
    },
  };
}
