/**
 * author controller: core actions plus `bySlug` (a former slug answers 301) and `articles` (the
 * author's latest stories as cards). Adapters only: parse, call the service, respond.
 */
import { factories } from '@strapi/strapi';
import { ARTICLE, AUTHOR } from '../../../uids';
import { assertOnlyParams, parseIntParam, resolveLocale } from '../../../http/query-params';
import { optionalStringParam } from '../../../http/feed-params';
import { respondBySlug, type SlugRouteContext } from '../../../slugs/respond-by-slug';
import { LATEST_DEFAULT_LIMIT, LATEST_MAX_LIMIT } from '../../../teasers/latest-teasers';
import { docTag, listTag } from '../../../cache/response-cache';

export default factories.createCoreController(AUTHOR, ({ strapi }) => ({
  async bySlug(ctx) {
    assertOnlyParams(ctx.query, ['locale']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const lookup = await strapi.service(AUTHOR).findPublicBySlug(ctx.params.slug, locale);
    // Koa's Context type knows neither router params nor Strapi's ctx.notFound.
    return respondBySlug(strapi, ctx as unknown as SlugRouteContext, AUTHOR, lookup, locale);
  },

  async articles(ctx) {
    assertOnlyParams(ctx.query, ['locale', 'limit', 'cursor']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const limit = parseIntParam(ctx.query, 'limit', LATEST_DEFAULT_LIMIT, 1, LATEST_MAX_LIMIT);
    const cursor = optionalStringParam(ctx.query, 'cursor');
    const lookup = await strapi.service(AUTHOR).findArticles({ slug: ctx.params.slug, locale, limit, cursor });
    if (lookup.kind === 'missing') return ctx.notFound(`No published author with slug "${ctx.params.slug}" in locale ${locale}.`);
    if (lookup.kind === 'moved') {
      ctx.status = 301;
      ctx.set('Location', `/api/authors/by-slug/${encodeURIComponent(lookup.slug)}/articles?locale=${encodeURIComponent(locale)}&limit=${limit}`);
      return { data: null, meta: { redirect: { slug: lookup.slug, locale } } };
    }
    // A list: a story crediting the author may go public (or away) without being shown here yet.
    ctx.state.cacheTags = [listTag(ARTICLE), docTag(lookup.document.authorDocumentId)];
    return { data: lookup.document.cards, meta: { locale, limit, nextCursor: lookup.document.nextCursor } };
  },
}));
