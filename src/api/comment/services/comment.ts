/**
 * comment service: reader submissions, the public thread and counts. REST and GraphQL both
 * call these methods; every strapi.documents() call of the comments feature is here.
 */
import { createId } from '@paralleldrive/cuid2';
import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  areCommentsOpen,
  decideInitialStatus,
  hashIp,
  MAX_COUNT_SLUGS,
  nestComments,
  validateCommentInput,
  type NestedComment,
} from '../../../domain/comments';
import { createCommentRateLimiter, type CommentRateLimiter, type RateLimitSettings } from '../../../comments/rate-limit';
import { countApprovedBySlugs, countApprovedComments } from '../../../comments/comment-counts';
import { now } from '../../../clock';
import { ARTICLE, COMMENT } from '../../../uids';

export interface CommentSettings {
  ipSalt: string;
  closeAfterDays: number;
  maxLinks: number;
  blockedWords: string[];
  blockedAction: 'pending' | 'spam';
  autoApproveAfterApproved: number;
  honeypotField: string;
  pageSize: number;
  rateLimit: RateLimitSettings;
}

export interface SubmitRequest {
  slug: string;
  locale: string;
  raw: unknown;
  ip: string;
  userAgent: string;
}
export interface PublicComment {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  parentId: string | null;
  status?: string;
}

interface CommentRow {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string | Date;
  parent?: { documentId: string } | null;
}

const toPublic = (row: CommentRow): PublicComment => ({
  documentId: row.documentId,
  authorName: row.authorName,
  body: row.body,
  createdAt: new Date(row.createdAt).toISOString(),
  parentId: row.parent?.documentId ?? null,
});

const SELECT = ['documentId', 'authorName', 'body', 'createdAt'];

function settingsOf(strapi: Core.Strapi): CommentSettings {
  return strapi.config.get('novinar.comments') as CommentSettings;
}

export default factories.createCoreService(COMMENT, ({ strapi }) => {
  let limiter: CommentRateLimiter | null = null;
  const rateLimiter = () => (limiter ??= createCommentRateLimiter(settingsOf(strapi).rateLimit, strapi.config.get('novinar.redisUrl') as string));

  /** The published, released article with this slug; the Document Service applies the public visibility rules. */
  async function visibleArticle(slug: string, locale: string) {
    const article = (await strapi.documents(ARTICLE).findFirst({
      locale,
      status: 'published',
      filters: { slug },
      fields: ['slug', 'commentsEnabled', 'publicationDate'],
    })) as { documentId: string; commentsEnabled?: boolean | null; publicationDate?: string | null } | null;
    if (!article) throw new errors.NotFoundError(`No published article with slug "${slug}" in locale ${locale}.`);
    return article;
  }

  return {
    async submit(request: SubmitRequest): Promise<{ comment: PublicComment & { status: string }; stored: boolean }> {
      const settings = settingsOf(strapi);
      const validation = validateCommentInput(request.raw, { honeypotField: settings.honeypotField });
      if (!validation.ok) {
        const [first] = validation.errors;
        throw new errors.ValidationError(first.message, {
          errors: validation.errors.map((error) => ({ path: [error.path], message: error.message, name: 'ValidationError' })),
        });
      }
      const article = await visibleArticle(request.slug, request.locale);
      const open = areCommentsOpen(article, now(), settings.closeAfterDays);
      // PolicyError is the ForbiddenError whose message Strapi passes through to the client.
      if (!open.open) throw new errors.PolicyError(open.reason);

      const ipHash = hashIp(request.ip || 'unknown', settings.ipSalt);
      const rate = await rateLimiter().check(ipHash, `${article.documentId}:${request.locale}`);
      if (!rate.allowed) {
        throw new errors.RateLimitError(
          rate.scope === 'ip' ? 'Too many comments from this address; try again later.' : 'Too many comments on this article right now; try again later.',
          { retryAfter: rate.retryAfterSeconds },
        );
      }

      const input = validation.value;
      let parentId: number | null = null;
      if (input.parent) {
        const parent = (await strapi.db.query(COMMENT).findOne({
          where: { documentId: input.parent, articleDocumentId: article.documentId, locale: request.locale, moderationStatus: 'approved' },
          select: ['id'],
        })) as { id: number } | null;
        if (!parent)
          throw new errors.ValidationError('parent must be a visible comment of this article.', {
            errors: [{ path: ['parent'], message: 'parent must be a visible comment of this article.' }],
          });
        parentId = parent.id;
      }

      const authorWhere = input.authorEmail ? { authorEmail: input.authorEmail } : { ipHash, authorName: input.authorName };
      const authorApprovedCount =
        settings.autoApproveAfterApproved > 0 ? await strapi.db.query(COMMENT).count({ where: { ...authorWhere, moderationStatus: 'approved' } }) : 0;
      const decision = decideInitialStatus(input.body, { authorApprovedCount }, settings);
      const parentRef = input.parent ? { documentId: input.parent } : null;

      if (validation.honeypot) {
        // A bot that filled the honeypot went through every check, limit and read above, in the
        // same order as a reader; only here do they part. It gets the answer a stored comment
        // would get: a documentId from Strapi's own generator (cuid2) and, like Strapi's
        // timestamps on create, the wall clock's createdAt. Nothing is stored.
        const comment = toPublic({ documentId: createId(), authorName: input.authorName, body: input.body, createdAt: new Date(), parent: parentRef });
        return { stored: false, comment: { ...comment, status: decision.status } };
      }

      const created = (await strapi.documents(COMMENT).create({
        data: {
          article: { connect: [{ documentId: article.documentId, locale: request.locale }] },
          articleDocumentId: article.documentId,
          locale: request.locale,
          authorName: input.authorName,
          authorEmail: input.authorEmail ?? null,
          body: input.body,
          moderationStatus: decision.status,
          parent: parentId,
          ipHash,
          userAgent: request.userAgent.slice(0, 512),
          // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
        } as never,
        // Cast: The Document Service returns the generated entity type; only these fields are read.
      })) as unknown as CommentRow & { moderationStatus: string };
      return { stored: true, comment: { ...toPublic({ ...created, parent: parentRef }), status: created.moderationStatus } };
    },

    /** Approved comments of an article, oldest first, replies nested; pages are of top-level threads. */
    async listApproved(slug: string, locale: string, page: number, pageSize: number) {
      const article = await visibleArticle(slug, locale);
      const where = { articleDocumentId: article.documentId, locale, moderationStatus: 'approved' };
      const orderBy = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
      const [roots, total] = await Promise.all([
        strapi.db
          .query(COMMENT)
          .findMany({ where: { ...where, parent: { id: { $null: true } } }, select: SELECT, orderBy, offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(COMMENT).count({ where: { ...where, parent: { id: { $null: true } } } }),
      ]);
      const replies = roots.length
        ? await strapi.db
            .query(COMMENT)
            .findMany({ where: { ...where, parent: { id: { $notNull: true } } }, select: SELECT, populate: { parent: { select: ['documentId'] } }, orderBy })
        : [];
      const flat = [...(roots as CommentRow[]), ...(replies as CommentRow[])].map(toPublic).map((comment) => ({ ...comment, parentId: comment.parentId }));
      const threads: Array<NestedComment<PublicComment>> = nestComments(flat);
      const commentCount = await this.approvedCount(article.documentId, locale);
      return { articleDocumentId: article.documentId, threads, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total }, commentCount };
    },

    /**
     * Approved comments per article documentId in one locale (0 for articles without any): the
     * one count every response showing `commentCount` uses (REST, GraphQL, cards, by-slug reads).
     * Visibility of the articles is the caller's: it passes only articles it may show.
     */
    async approvedCounts(documentIds: readonly string[], locale: string): Promise<Map<string, number>> {
      return countApprovedComments(strapi, documentIds, locale);
    },

    /** Approved comments of one article in one locale. */
    async approvedCount(documentId: string, locale: string): Promise<number> {
      return (await this.approvedCounts([documentId], locale)).get(documentId) ?? 0;
    },

    /** slug → approved comment count for published, released articles; unknown slugs are left out. */
    async countsBySlugs(slugs: readonly string[], locale: string): Promise<Record<string, number>> {
      return (await this.countsWithIds(slugs, locale)).counts;
    },

    async countsWithIds(slugs: readonly string[], locale: string): Promise<{ counts: Record<string, number>; documentIds: string[] }> {
      // One statement: the public articles of these slugs with their counts (comments/comment-counts.ts).
      const rows = await countApprovedBySlugs(strapi, slugs, locale, MAX_COUNT_SLUGS);
      return { counts: Object.fromEntries(rows.map((row) => [row.slug, row.count])), documentIds: rows.map((row) => row.documentId) };
    },

    async closeRateLimiter(): Promise<void> {
      await limiter?.close();
      limiter = null;
    },
  };
});
