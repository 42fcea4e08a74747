/**
 * article controller: core actions plus `bySlug`. Adapters only: parse, call the service, sanitize, respond.
 */
import { factories } from '@strapi/strapi';
import { ARTICLE } from '../../../uids';
import { assertOnlyParams, resolveLocale } from '../../../http/query-params';
import { withDisplayDates } from '../../../http/date-display';
import { respondBySlug, type SlugRouteContext } from '../../../http/respond-by-slug';
import { decorateArticles } from '../../../http/decorate-articles';

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
    const lookup = await strapi.service(ARTICLE).findPublicBySlug(ctx.params.slug, locale);
    // Koa's Context type knows neither router params nor Strapi's ctx.notFound.
    return respondBySlug(strapi, ctx as unknown as SlugRouteContext, ARTICLE, lookup, locale, (entry) => withDisplayDates(strapi, entry, locale));
  },
}));
