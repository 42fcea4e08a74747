export { areCommentsOpen } from './comments-open';
export type { CommentsOpen } from './comments-open';
export { countLinks } from './count-links';
export { countSlugs, MAX_COUNT_SLUGS } from './count-slugs';
export type { CountSlugs } from './count-slugs';
export { hashIp } from './hash-ip';
export { latinSkeleton } from './latin-skeleton';
export { DEFAULT_MODERATION_RULES, decideInitialStatus, findBlockedWord } from './moderate-comment';
export type { ModerationDecision, ModerationRules, ModerationStatus } from './moderate-comment';
export { nestComments } from './nest-comments';
export { normaliseText } from './normalise-text';
export type { NormalisedText } from './normalise-text';
export type { NestedComment } from './nest-comments';
export {
  AUTHOR_EMAIL_MAX,
  AUTHOR_NAME_MAX,
  AUTHOR_NAME_MIN,
  BODY_MAX,
  BODY_MIN,
  DEFAULT_HONEYPOT_FIELD,
  PARENT_MAX,
  validateCommentInput,
} from './validate-comment';
export type { CommentInput, CommentValidation, ValidateCommentOptions } from './validate-comment';
