/**
 * search controller: parse, call the service, respond. Cached like the other lists: any article
 * or teaser going public, changing or going away drops the answer (list tags), so does any author
 * going public when the search is narrowed by author, and the cards' documents tag it too (response cache).
 */
import type { Core } from '@strapi/strapi';
import { assertOnlyParams, resolveLocale } from '../../../http/query-params';
import { listTag } from '../../../cache/response-cache';
import { SEARCH_PARAMS, searchQueryOf } from '../../../search/search-params';
import { ARTICLE, AUTHOR, TEASER } from '../../../uids';

interface Ctx {
  query: Record<string, unknown>;
  state: { cacheTags?: string[] };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: Ctx) {
    assertOnlyParams(ctx.query, SEARCH_PARAMS);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const query = searchQueryOf(ctx.query, locale);
    const page = await strapi.service('api::search.search').findSearch(query);
    // Narrowed by author: an author going public (a new slug) changes the answer even when it shows no card of theirs yet.
    ctx.state.cacheTags = [listTag(ARTICLE), listTag(TEASER), ...(query.author ? [listTag(AUTHOR)] : [])];
    const { cards, ...meta } = page;
    return { data: cards, meta: { locale, ...meta } };
  },
});
