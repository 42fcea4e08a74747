/**
 * teaser controller: core actions plus `latest` (the newest-stories feed of cards, optionally
 * only breaking or featured stories: `flag=`).
 */
import { factories } from '@strapi/strapi';
import { TEASER } from '../../../uids';
import { assertOnlyParams, parseIntParam, resolveLocale } from '../../../http/query-params';
import { optionalSlugParam, optionalStringParam } from '../../../http/feed-params';
import { LATEST_DEFAULT_LIMIT, LATEST_MAX_LIMIT } from '../../../teasers/latest-teasers';
import { optionalFlagParam } from '../../../flags';

export default factories.createCoreController(TEASER, ({ strapi }) => ({
  async latest(ctx) {
    assertOnlyParams(ctx.query, ['locale', 'limit', 'section', 'tag', 'agency', 'author', 'cursor', 'flag']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const page = await strapi.service(TEASER).findLatest({
      locale,
      limit: parseIntParam(ctx.query, 'limit', LATEST_DEFAULT_LIMIT, 1, LATEST_MAX_LIMIT),
      section: optionalSlugParam(ctx.query, 'section'),
      tag: optionalSlugParam(ctx.query, 'tag'),
      agency: optionalSlugParam(ctx.query, 'agency'),
      author: optionalSlugParam(ctx.query, 'author'),
      cursor: optionalStringParam(ctx.query, 'cursor'),
      flag: optionalFlagParam(ctx.query),
    });
    return { data: page.cards, meta: { locale, nextCursor: page.nextCursor } };
  },
}));
