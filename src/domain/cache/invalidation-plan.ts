import { ARTICLE, AUTHOR, COMMENT, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../../uids';
import { GRAPHQL_TAG, commentsTag, docTag, listTag } from './cache-tags';

/** What the write-time middleware knows about a successful Document Service write. */
export interface WriteFacts {
  uid: string;
  action: string;
  /** `params.status` of the call (`published` when create/update publish at once). */
  status?: string;
  documentId?: string;
  /** Comments: the moderation status of the stored row. */
  moderationStatus?: string;
  /** Teasers: the article the teaser shows; comments: the article the comment belongs to. */
  articleDocumentId?: string;
}

/**
 * Which cached public responses a write makes stale:
 * - `nothing`: no public response changed.
 * - `tags`: drop the responses carrying these tags; `refreshEmbargo` when the next embargo end may
 *   have moved (an article went public, changed or went away).
 * - `tags` with `clearAll`: also drop the whole cache (the write cannot be pinned to tags).
 */
export type InvalidationPlan = { drop: 'nothing' } | { drop: 'tags'; tags: string[]; refreshEmbargo: boolean; clearAll: boolean };

const NOTHING: InvalidationPlan = { drop: 'nothing' };
const EDITS = ['create', 'update', 'delete'];

/** Actions of draft & publish types that change what the public sees; draft-only edits do not. */
const goesPublic = (write: WriteFacts) =>
  ['publish', 'unpublish', 'delete'].includes(write.action) || (['create', 'update'].includes(write.action) && write.status === 'published');

const isTaxonomy = (uid: string) => uid === SOURCE_AGENCY || uid === TAG || uid === SECTION;

/** A new pending comment changes nothing public; every other comment write may change counts. */
const commentChangesPublic = (write: WriteFacts) => EDITS.includes(write.action) && !(write.action === 'create' && write.moderationStatus !== 'approved');

/**
 * Whether the plan depends on the article a teaser or comment belongs to, so the middleware
 * must look it up when the write's result does not carry it.
 */
export function needsArticleOf(write: WriteFacts): boolean {
  if (write.articleDocumentId || !write.documentId) return false;
  if (write.uid === TEASER) return goesPublic(write);
  if (write.uid === COMMENT) return commentChangesPublic(write);
  return false;
}

/**
 * Decides the invalidation for one write:
 * - article/teaser going public, changing or going away: the responses showing it (and for a
 *   teaser its article's), every list of articles/teasers, and GraphQL entries; the related
 *   feeds whose stored list changed are invalidated by the related indexer itself.
 * - author going public, changing or going away: every response showing it (cards, article
 *   answers and author pages carry its documentId), author lists and GraphQL entries.
 * - agency/tag/section: shown inside cards without their own documentId, and rarely edited:
 *   the whole cache is dropped.
 * - comment written or moderated: its article's responses (counts), its thread and GraphQL
 *   entries (moderation via the admin changes counts there); the whole cache when the article
 *   is unknown.
 */
export function invalidationPlan(write: WriteFacts): InvalidationPlan {
  const ownDoc = write.documentId ? [docTag(write.documentId)] : [];
  if (write.uid === ARTICLE) {
    if (!goesPublic(write)) return NOTHING;
    return { drop: 'tags', tags: [...ownDoc, listTag(ARTICLE), listTag(TEASER), GRAPHQL_TAG], refreshEmbargo: true, clearAll: false };
  }
  if (write.uid === TEASER) {
    if (!goesPublic(write)) return NOTHING;
    const articleDoc = write.articleDocumentId ? [docTag(write.articleDocumentId)] : [];
    return { drop: 'tags', tags: [listTag(ARTICLE), listTag(TEASER), GRAPHQL_TAG, ...ownDoc, ...articleDoc], refreshEmbargo: false, clearAll: false };
  }
  if (write.uid === AUTHOR) {
    if (!goesPublic(write)) return NOTHING;
    return { drop: 'tags', tags: [...ownDoc, listTag(AUTHOR), GRAPHQL_TAG], refreshEmbargo: false, clearAll: false };
  }
  if (isTaxonomy(write.uid)) {
    if (!EDITS.includes(write.action)) return NOTHING;
    return { drop: 'tags', tags: [], refreshEmbargo: false, clearAll: true };
  }
  if (write.uid === COMMENT) {
    if (!commentChangesPublic(write)) return NOTHING;
    const article = write.articleDocumentId;
    return article
      ? { drop: 'tags', tags: [docTag(article), commentsTag(article), GRAPHQL_TAG], refreshEmbargo: false, clearAll: false }
      : { drop: 'tags', tags: [GRAPHQL_TAG], refreshEmbargo: false, clearAll: true };
  }
  return NOTHING;
}
