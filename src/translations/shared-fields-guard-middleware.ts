import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../locales';
import { SLUGGED_TYPES } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
const GUARDED = new Set<string>(SLUGGED_TYPES);

/**
 * Non-localized (shared) fields are copied to every locale variant when one is saved, so a
 * translator saving the English form (which carries the shared values as they were when the
 * form was opened) would silently overwrite what the Bulgarian editors set since
 * (strapi/strapi#25802, #21594, #22080). Shared values belong to the Bulgarian original: when
 * one exists, writes to other locales drop them.
 */
export function sharedFieldsGuardMiddleware(strapi: Core.Strapi): Middleware {
  const sharedFieldsOf = (uid: string): string[] => {
    const attributes = strapi.contentType(uid as (typeof SLUGGED_TYPES)[number]).attributes as Record<
      string,
      { type: string; pluginOptions?: { i18n?: { localized?: boolean } } }
    >;
    return Object.entries(attributes)
      .filter(([, attribute]) => attribute.type !== 'relation' && attribute.type !== 'uid' && attribute.pluginOptions?.i18n?.localized === false)
      .map(([name]) => name);
  };
  return async (context, next) => {
    if (!GUARDED.has(context.uid) || !['create', 'update'].includes(context.action)) return next();
    const params = context.params as { documentId?: string; locale?: string; data?: Record<string, unknown> };
    if (!params.documentId || !params.locale || params.locale === DEFAULT_LOCALE || !params.data) return next();
    const shared = sharedFieldsOf(context.uid).filter((field) => field in (params.data ?? {}));
    if (shared.length === 0) return next();
    const original = await strapi.db
      .query(context.uid as (typeof SLUGGED_TYPES)[number])
      .findOne({ where: { documentId: params.documentId, locale: DEFAULT_LOCALE }, select: ['id'] });
    if (original) {
      for (const field of shared) delete params.data[field];
      strapi.log.debug(`[novinar] kept shared fields of ${context.uid} ${params.documentId} from the ${params.locale} write: ${shared.join(', ')}`);
    }
    return next();
  };
}
