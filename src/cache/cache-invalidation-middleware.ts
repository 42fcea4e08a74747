import type { Core } from '@strapi/strapi';
import { cacheStore, invalidateTags, refreshNextEmbargoRelease } from './response-cache';
import { invalidationPlan, needsArticleOf, type WriteFacts } from '../domain/cache/invalidation-plan';
import { COMMENT, TEASER } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
interface Params {
  documentId?: string;
  status?: string;
}
interface WriteResult {
  documentId?: string;
  articleDocumentId?: string;
  moderationStatus?: string;
}

/** The article a teaser shows or a comment belongs to, read from the stored row. */
async function articleOf(strapi: Core.Strapi, uid: string, documentId: string): Promise<string | undefined> {
  if (uid === TEASER) {
    const row = (await strapi.db.query(TEASER).findOne({ where: { documentId }, select: ['id'], populate: { article: { select: ['documentId'] } } })) as {
      article?: { documentId: string } | null;
    } | null;
    return row?.article?.documentId;
  }
  const row = (await strapi.db.query(COMMENT).findOne({ where: { documentId }, select: ['articleDocumentId'] })) as { articleDocumentId?: string } | null;
  return row?.articleDocumentId;
}

/**
 * Invalidates exactly the cached public responses a successful write makes stale: gathers the
 * facts of the write, lets domain/cache/invalidation-plan.ts decide, applies the plan.
 * The admin panel publishes inside a database transaction that this runs in, so a throw here
 * would roll the publish back: the store's calls never throw and are bounded by the Redis deadline.
 */
export function cacheInvalidationMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    const params = context.params as Params;
    const result = await next();
    const row = (result as WriteResult | null) ?? null;
    const write: WriteFacts = {
      uid: context.uid,
      action: context.action,
      status: params.status,
      documentId: params.documentId ?? row?.documentId,
      // Only a comment's own row carries these; a teaser's article is a relation looked up below.
      ...(context.uid === COMMENT ? { articleDocumentId: row?.articleDocumentId, moderationStatus: row?.moderationStatus } : {}),
    };
    if (needsArticleOf(write) && write.documentId) write.articleDocumentId = await articleOf(strapi, write.uid, write.documentId);
    const plan = invalidationPlan(write);
    if (plan.drop === 'nothing') return result;
    await invalidateTags(plan.tags);
    if (plan.refreshEmbargo) await refreshNextEmbargoRelease(strapi);
    if (plan.clearAll) await cacheStore()?.clear();
    return result;
  };
}
