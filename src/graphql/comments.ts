import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { resolveLocale } from '../http/query-params';
import { countSlugs, MAX_COUNT_SLUGS } from '../domain/comments';
import { COMMENT } from '../uids';

interface GraphqlContext {
  koaContext?: { request: { ip: string }; get(header: string): string };
}

const bounded = (value: number | undefined, name: string, fallback: number, max: number) => {
  if (value === undefined || value === null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new errors.ValidationError(`${name} must be a whole number from 1 to ${max}.`);
  return value;
};

/**
 * The comment API over GraphQL, served by the same comment service as REST. The generated
 * Comment type is switched off (shadowCRUD) so that pending comments and private fields
 * (authorEmail, ipHash, userAgent) have no GraphQL type at all; these public types carry
 * only what a reader may see.
 */
export function commentsExtension(strapi: Core.Strapi) {
  const service = () => strapi.service(COMMENT);
  return {
    typeDefs: /* GraphQL */ `
      type PublicComment { documentId: ID! authorName: String! body: String! createdAt: DateTime! parentId: ID replies: [PublicComment!]! }
      type SubmittedComment { documentId: ID! authorName: String! body: String! createdAt: DateTime! parentId: ID status: String! }
      type CommentThreadPage { comments: [PublicComment!]! page: Int! pageSize: Int! pageCount: Int! total: Int! commentCount: Int! }
      type CommentCount { slug: String! count: Int! }
      input CommentSubmissionInput { authorName: String! authorEmail: String body: String! parent: ID website: String }
      extend type Query {
        "Approved comments of a published article, oldest first, replies nested; paginated by thread; null for a slug no published article holds."
        comments(slug: String!, locale: I18NLocaleCode, page: Int, pageSize: Int): CommentThreadPage
        "Approved comment counts for up to ${MAX_COUNT_SLUGS} article slugs; unknown slugs are left out."
        commentCounts(slugs: [String!]!, locale: I18NLocaleCode): [CommentCount!]!
      }
      extend type Mutation {
        "Submits a reader comment; it is shown once a moderator approves it."
        submitComment(slug: String!, locale: I18NLocaleCode, data: CommentSubmissionInput!): SubmittedComment!
      }
    `,
    resolvers: {
      Query: {
        async comments(_parent: unknown, args: { slug: string; locale?: string; page?: number; pageSize?: number }) {
          const locale = await resolveLocale(strapi, args.locale);
          const defaultSize = (strapi.config.get('novinar.comments') as { pageSize: number }).pageSize;
          const page = bounded(args.page, 'page', 1, 100000);
          const pageSize = bounded(args.pageSize, 'pageSize', defaultSize, 100);
          let result;
          try {
            result = await service().listApproved(args.slug, locale, page, pageSize);
          } catch (error) {
            // An unknown slug is an empty answer, not an error that nulls the whole response.
            if (error instanceof errors.NotFoundError) return null;
            throw error;
          }
          return { comments: result.threads, ...result.pagination, commentCount: result.commentCount };
        },
        async commentCounts(_parent: unknown, args: { slugs: string[]; locale?: string }) {
          const locale = await resolveLocale(strapi, args.locale);
          const asked = countSlugs(args.slugs);
          if ('problem' in asked) throw new errors.ValidationError(asked.problem);
          const counts: Record<string, number> = await service().countsBySlugs(asked.slugs, locale);
          return Object.entries(counts).map(([slug, count]) => ({ slug, count }));
        },
      },
      Mutation: {
        async submitComment(_parent: unknown, args: { slug: string; locale?: string; data: Record<string, unknown> }, context: GraphqlContext) {
          const locale = await resolveLocale(strapi, args.locale);
          // GraphQL input objects carry every declared field; absent optional ones arrive as undefined/null.
          const raw = Object.fromEntries(Object.entries(args.data).filter(([, value]) => value !== undefined && value !== null));
          const { comment } = await service().submit({
            slug: args.slug,
            locale,
            raw,
            ip: context.koaContext?.request.ip ?? '',
            userAgent: context.koaContext?.get('user-agent') ?? '',
          });
          return comment;
        },
      },
    },
    resolversConfig: {
      'Query.comments': { auth: false },
      'Query.commentCounts': { auth: false },
      'Mutation.submitComment': { auth: false },
    },
  };
}
