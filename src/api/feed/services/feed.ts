/**
 * feed service: one method per answer (no content type of its own; the stories are articles).
 */
import type { Core } from '@strapi/strapi';
import { feedAnswer, type FeedFormat } from '../../../feeds/feed-answer';
import type { TextAnswer } from '../../../http/respond-text';
import { FEED_DEFAULT_LIMIT, type FeedQuery } from '../../../feeds/feed-stories';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findFeed(format: FeedFormat, query: FeedQuery): Promise<TextAnswer> {
    return feedAnswer(strapi, format, query, FEED_DEFAULT_LIMIT);
  },
});
