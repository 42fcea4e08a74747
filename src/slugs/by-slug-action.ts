import type { Core } from '@strapi/strapi';
import { findBySlug } from './find-by-slug';
import type { SluggedUid } from '../uids';
import { assertOnlyParams, resolveLocale } from '../http/query-params';
import { respondBySlug, type SlugRouteContext } from './respond-by-slug';

/** A `bySlug` controller action for a taxonomy-like type (tag, section, source agency). */
export function bySlugAction(strapi: Core.Strapi, uid: SluggedUid, populate: unknown = undefined) {
  return async (ctx: unknown) => {
    const context = ctx as SlugRouteContext & { query: Record<string, unknown> };
    assertOnlyParams(context.query, ['locale']);
    const locale = await resolveLocale(strapi, context.query.locale);
    const lookup = await findBySlug<{ documentId: string }>(strapi, uid, context.params.slug, locale, populate);
    return respondBySlug(strapi, context, uid, lookup, locale);
  };
}
