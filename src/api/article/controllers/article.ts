/**
 * article controller: core actions plus `bySlug`. Adapters only: parse, call the service, sanitize, respond.
 */
import { factories } from '@strapi/strapi';
import { ARTICLE } from '../../../uids';
import { assertOnlyParams, parseIntParam, resolveLocale } from '../../../http/query-params';
import { RELATED_DEFAULT_LIMIT, RELATED_MAX_LIMIT } from '../../../related/find-related';
import { withDisplayDates } from '../../../articles/date-display';
import { respondBySlug, type SlugRouteContext } from '../../../slugs/respond-by-slug';
import { decorateArticles } from '../../../articles/decorate-articles';
import { docTag, relatedTag } from '../../../cache/response-cache';

type Entry = Record<string, unknown>;

export default factories.createCoreController(ARTICLE, ({ strapi }) => ({
  async find(ctx) {
    const response = (await super.find(ctx)) as { data: Entry[]; meta: unknown };
    return { ...response, data: await decorateArticles(strapi, response.data) };
  },

  async findOne(ctx) {
    const response = (await super.findOne(ctx)) as { data: Entry | null; meta: unknown } | undefined;
    if (!response?.data) return response;
    const [data] = await decorateArticles(strapi, [response.data]);
    return { ...response, data };
  },

  async bySlug(ctx) {
    assertOnlyParams(ctx.query, ['locale']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const lookup = await strapi.service(ARTICLE).findPageBySlug(ctx.params.slug, locale);
    // Koa's Context type knows neither router params nor Strapi's ctx.notFound.
    return respondBySlug(strapi, ctx as unknown as SlugRouteContext, ARTICLE, lookup, locale, (entry) => withDisplayDates(strapi, entry, locale), {
      sanitized: true,
    });
  },

  async seo(ctx) {
    assertOnlyParams(ctx.query, ['locale']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const lookup = await strapi.service(ARTICLE).findSeoBySlug(ctx.params.slug, locale);
    if (lookup.kind === 'missing') return ctx.notFound(`No published article with slug "${ctx.params.slug}" in locale ${locale}.`);
    if (lookup.kind === 'moved') {
      ctx.status = 301;
      ctx.set('Location', `/api/articles/by-slug/${encodeURIComponent(lookup.slug)}/seo?locale=${encodeURIComponent(locale)}`);
      return { data: null, meta: { redirect: { slug: lookup.slug, locale } } };
    }
    const { authorDocumentIds, ...data } = lookup.document;
    // The head shows the bylines by name: an author's edit makes it stale too.
    ctx.state.cacheTags = authorDocumentIds.map(docTag);
    return { data, meta: {} };
  },

  async related(ctx) {
    assertOnlyParams(ctx.query, ['locale', 'limit']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const limit = parseIntParam(ctx.query, 'limit', RELATED_DEFAULT_LIMIT, 1, RELATED_MAX_LIMIT);
    const lookup = await strapi.service(ARTICLE).findRelated(ctx.params.slug, locale, limit);
    if (lookup.kind === 'missing') return ctx.notFound(`No published article with slug "${ctx.params.slug}" in locale ${locale}.`);
    if (lookup.kind === 'moved') {
      ctx.status = 301;
      ctx.set('Location', `/api/articles/by-slug/${encodeURIComponent(lookup.slug)}/related?locale=${encodeURIComponent(locale)}&limit=${limit}`);
      return { data: null, meta: { redirect: { slug: lookup.slug, locale } } };
    }
    // The feed changes when its own stored list or the article changes (the cards' documents tag themselves).
    ctx.state.cacheTags = [relatedTag(lookup.document.articleDocumentId, locale), docTag(lookup.document.articleDocumentId)];
    return { data: lookup.document.cards, meta: { locale, limit } };
  },
}));
