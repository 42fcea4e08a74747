/**
 * feed controller: parse and check the query, ask the service, answer with the feed's type.
 */
import type { Core } from '@strapi/strapi';
import { assertOnlyParams, parseIntParam, resolveLocale } from '../../../http/query-params';
import { optionalSlugParam } from '../../../http/feed-params';
import { respondText, type TextContext } from '../../../http/respond-text';
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT, type FeedQuery } from '../../../feeds/feed-stories';
import type { FeedFormat } from '../../../feeds/feed-answer';

const FEED = 'api::feed.feed';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const answer = (format: FeedFormat) => async (ctx: TextContext & { query: Record<string, unknown> }) => {
    assertOnlyParams(ctx.query, ['locale', 'section', 'tag', 'agency', 'author', 'limit']);
    const query: FeedQuery = {
      locale: await resolveLocale(strapi, ctx.query.locale),
      limit: parseIntParam(ctx.query, 'limit', FEED_DEFAULT_LIMIT, 1, FEED_MAX_LIMIT),
      section: optionalSlugParam(ctx.query, 'section'),
      tag: optionalSlugParam(ctx.query, 'tag'),
      agency: optionalSlugParam(ctx.query, 'agency'),
      author: optionalSlugParam(ctx.query, 'author'),
    };
    return respondText(ctx, await strapi.service(FEED).findFeed(format, query));
  };
  return { rss: answer('rss'), atom: answer('atom'), json: answer('json') };
};
