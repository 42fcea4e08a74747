/**
 * comment controller: the public comment routes. Adapters only: parse, call the service, respond.
 */
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE, COMMENT } from '../../../uids';
import { commentsTag, docTag, listTag } from '../../../cache/response-cache';
import { assertOnlyParams, parseIntParam, resolveLocale } from '../../../http/query-params';
import { countSlugs } from '../../../domain/comments';
import { unsupportedMediaType } from '../../../http/unsupported-media-type';

export default factories.createCoreController(COMMENT, ({ strapi }) => ({
  async submit(ctx) {
    // JSON only: a page on any site can make its visitors' browsers post a form (urlencoded,
    // multipart or text/plain) here without asking; a JSON body needs a CORS preflight first
    // (Fetch standard, "CORS-safelisted request-header").
    if (!ctx.is('application/json')) return unsupportedMediaType(ctx, 'Comments are accepted as JSON only: send Content-Type: application/json.');
    assertOnlyParams(ctx.query, ['locale']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const body = ctx.request.body as { data?: unknown } | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || !('data' in body)) {
      throw new errors.ValidationError('The request body must be a JSON object { "data": { authorName, authorEmail, body, parent } }.');
    }
    try {
      const { comment } = await strapi.service(COMMENT).submit({
        slug: (ctx.params as { slug: string }).slug,
        locale,
        raw: body.data,
        ip: ctx.request.ip,
        userAgent: ctx.get('user-agent') ?? '',
      });
      ctx.status = 201;
      return { data: comment, meta: {} };
    } catch (error) {
      if (error instanceof errors.RateLimitError) {
        ctx.set('Retry-After', String((error.details as { retryAfter: number }).retryAfter));
      }
      throw error;
    }
  },

  async list(ctx) {
    assertOnlyParams(ctx.query, ['locale', 'page', 'pageSize']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const page = parseIntParam(ctx.query, 'page', 1, 1, 100000);
    const defaultSize = (strapi.config.get('novinar.comments') as { pageSize: number }).pageSize;
    const pageSize = parseIntParam(ctx.query, 'pageSize', defaultSize, 1, 100);
    const result = await strapi.service(COMMENT).listApproved((ctx.params as { slug: string }).slug, locale, page, pageSize);
    ctx.state.cacheTags = [commentsTag(result.articleDocumentId), docTag(result.articleDocumentId)];
    return { data: result.threads, meta: { pagination: result.pagination, commentCount: result.commentCount } };
  },

  async counts(ctx) {
    assertOnlyParams(ctx.query, ['locale', 'slugs']);
    const locale = await resolveLocale(strapi, ctx.query.locale);
    const raw = ctx.query.slugs;
    if (typeof raw !== 'string' || raw.trim() === '') throw new errors.ValidationError('slugs is required: a comma-separated list of article slugs.');
    const asked = countSlugs(
      raw
        .split(',')
        .map((slug) => slug.trim())
        .filter(Boolean),
    );
    if ('problem' in asked) throw new errors.ValidationError(asked.problem);
    const { counts, documentIds } = await strapi.service(COMMENT).countsWithIds(asked.slugs, locale);
    // A slug unknown now may be published later: counts also depend on the article list.
    ctx.state.cacheTags = [...documentIds.map(docTag), listTag(ARTICLE)];
    return { data: counts, meta: { locale } };
  },
}));
