/**
 * What the public may see: one home for the rule and every place it is enforced.
 * - access.ts: who is reading (internal, preview with an API token, public).
 * - release-rule.ts: published + released, as Document Service filters, knex and in memory.
 * - query-policy.ts: which filters, sorts and populates a caller may send (400 otherwise).
 * - visibility-middleware.ts: the Document Service middleware applying the rule to every read.
 * - public-reads.ts: the rule for hand-written SQL readers and the cache's embargo clock.
 * Every reader of content (REST, GraphQL, SQL, caches) goes through these.
 */
export { currentReadAccess, holdsApiToken, readAccess, type ReadAccess, type RequestState } from './access';
export {
  articleReleasedFilter,
  isReleased,
  onPublicArticle,
  teaserReleasedFilter,
  wherePublicArticle,
  wherePublishedRow,
  whereReleasedAt,
} from './release-rule';
export { assertReadableQuery, PUBLIC_FILTER_TARGETS } from './query-policy';
export { filterPopulate, visibilityMiddleware } from './visibility-middleware';
export { nextEmbargoEnd, publicReadMoment, wherePublicArticleForRequest } from './public-reads';
