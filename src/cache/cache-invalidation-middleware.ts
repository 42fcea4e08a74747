import type { Core } from '@strapi/strapi';
import { GRAPHQL_TAG, cacheStore, commentsTag, docTag, invalidateTags, listTag, refreshNextEmbargoRelease } from './response-cache';
import { ARTICLE, AUTHOR, COMMENT, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
interface Params { documentId?: string; status?: string; data?: Record<string, unknown> }

/** Actions of draft & publish types that change what the public sees. */
const goesPublic = (action: string, params: Params) =>
  ['publish', 'unpublish', 'delete'].includes(action) || (['create', 'update'].includes(action) && params.status === 'published');

/**
 * Invalidates exactly the cached public responses a successful write makes stale:
 * - article/teaser going public, changing or going away: the responses showing it, every list
 *   of articles/teasers, and GraphQL entries; the related feeds whose stored list changed are
 *   invalidated by the related indexer itself.
 * - agency/tag/section: shown inside cards without their own documentId, and rarely edited:
 *   the whole cache is dropped.
 * - author going public, changing or going away: every response showing it (cards, article
 *   answers and author pages carry its documentId), author lists and GraphQL entries.
 * - comment written or moderated: its article's responses (counts) and comment thread.
 * Draft-only edits change nothing public and invalidate nothing.
 * The admin panel publishes inside a database transaction that this runs in, so a throw here
 * would roll the publish back: the store's calls never throw and are bounded by the Redis deadline.
 */
export function cacheInvalidationMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    const params = context.params as Params;
    const result = await next();
    const { uid, action } = context;
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (uid === ARTICLE && goesPublic(action, params)) {
      await invalidateTags([...(documentId ? [docTag(documentId)] : []), listTag(ARTICLE), listTag(TEASER), GRAPHQL_TAG]);
      await refreshNextEmbargoRelease(strapi);
    } else if (uid === TEASER && goesPublic(action, params)) {
      const articleRow = documentId
        ? ((await strapi.db.query(TEASER).findOne({ where: { documentId }, select: ['id'], populate: { article: { select: ['documentId'] } } })) as { article?: { documentId: string } | null } | null)
        : null;
      const tags = [listTag(ARTICLE), listTag(TEASER), GRAPHQL_TAG, ...(documentId ? [docTag(documentId)] : [])];
      if (articleRow?.article?.documentId) tags.push(docTag(articleRow.article.documentId));
      await invalidateTags(tags);
    } else if (uid === AUTHOR && goesPublic(action, params)) {
      // Cards and answers showing the author carry its documentId, so its tag finds them all.
      await invalidateTags([...(documentId ? [docTag(documentId)] : []), listTag(AUTHOR), GRAPHQL_TAG]);
    } else if ((uid === SOURCE_AGENCY || uid === TAG || uid === SECTION) && ['create', 'update', 'delete'].includes(action)) {
      await cacheStore()?.clear();
    } else if (uid === COMMENT && ['create', 'update', 'delete'].includes(action)) {
      const row = (result as { articleDocumentId?: string; moderationStatus?: string } | null) ?? null;
      // A new pending comment changes nothing public.
      if (action === 'create' && row?.moderationStatus !== 'approved') return result;
      let articleDocumentId = row?.articleDocumentId;
      if (!articleDocumentId && documentId) {
        const stored = (await strapi.db.query(COMMENT).findOne({ where: { documentId }, select: ['articleDocumentId'] })) as { articleDocumentId?: string } | null;
        articleDocumentId = stored?.articleDocumentId;
      }
      // Moderation via the admin also changes counts in GraphQL entries.
      await invalidateTags(articleDocumentId ? [docTag(articleDocumentId), commentsTag(articleDocumentId), GRAPHQL_TAG] : [GRAPHQL_TAG]);
      if (!articleDocumentId) await cacheStore()?.clear();
    }
    return result;
  };
}
