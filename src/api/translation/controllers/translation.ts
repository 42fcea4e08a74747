/**
 * translation controller: GET /api/translations/status (API token or logged-in user) and the
 * same answer on the admin route the translators' admin page calls.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertOnlyParams, parseIntParam, resolveLocale } from '../../../http/query-params';
import { DEFAULT_LOCALE } from '../../../locales';
import type { TranslationState } from '../../../domain/translations/translation-status';

const STATES: readonly TranslationState[] = ['missing', 'outdated', 'up-to-date'];

interface Ctx {
  query: Record<string, unknown>;
}

export async function translationStatusAction(strapi: Core.Strapi, ctx: Ctx) {
  assertOnlyParams(ctx.query, ['locale', 'page', 'pageSize', 'status']);
  if (ctx.query.locale === undefined || ctx.query.locale === '')
    throw new errors.ValidationError('locale is required: the language to check translations into (e.g. "en").');
  const locale = await resolveLocale(strapi, ctx.query.locale);
  if (locale === DEFAULT_LOCALE) throw new errors.ValidationError(`locale must be a translation language, not the original (${DEFAULT_LOCALE}).`);
  const status = ctx.query.status as TranslationState | undefined;
  if (status !== undefined && !STATES.includes(status)) throw new errors.ValidationError(`status must be one of ${STATES.join(', ')}.`);
  const page = parseIntParam(ctx.query, 'page', 1, 1, 100000);
  const pageSize = parseIntParam(ctx.query, 'pageSize', 50, 1, 200);
  const { items, total } = await strapi.service('api::translation.translation').status(locale, page, pageSize, status);
  return { data: items, meta: { locale, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: Ctx) {
    return translationStatusAction(strapi, ctx);
  },
});
