import type { Core } from '@strapi/strapi';
import { isSubstantiveChange, stampPublicationDate, SUBSTANTIVE_FIELDS } from '../domain/dates';
import { DEFAULT_LOCALE } from '../locales';
import { now } from '../clock';
import { wasEverPublished } from '../slugs/slug-registry';
import { ARTICLE } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Data = Record<string, unknown>;
interface Params {
  documentId?: string;
  locale?: string | string[];
  status?: string;
  data?: Data;
}

/**
 * publicationDate is the date printed on the page: stamped at the first publication when the
 * editor left it empty, never moved by re-publishing (Strapi's publishedAt changes on every
 * publish, #22512). updatedDate records the last substantive edit (title, lede, body, cover)
 * made after the first publication.
 */
export function publicationDatesMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as Params;

    if (context.action === 'create' && params.status === 'published') {
      const data: Data = params.data ?? {};
      data.publicationDate = stampPublicationDate(data.publicationDate as string | null | undefined, now());
      params.data = data;
    }

    if (context.action === 'publish' && params.documentId) {
      // Stamp the draft so the published copy Strapi makes from it carries the date.
      const where: Record<string, unknown> = { documentId: params.documentId, publishedAt: null, publicationDate: null };
      if (typeof params.locale === 'string' && params.locale !== '*') where.locale = params.locale;
      await strapi.db.query(ARTICLE).updateMany({ where, data: { publicationDate: now().toISOString() } });
    }

    if (context.action === 'update' && params.documentId && params.data) {
      const locale = typeof params.locale === 'string' ? params.locale : DEFAULT_LOCALE;
      if (params.status === 'published' && !params.data.publicationDate) {
        // Publishes internally (past the 'publish' middleware): stamp a first publication here.
        const draft = await strapi.db
          .query(ARTICLE)
          .findOne({ where: { documentId: params.documentId, locale, publishedAt: null }, select: ['publicationDate'] });
        if (!draft?.publicationDate) params.data.publicationDate = now().toISOString();
      }
      if (await wasEverPublished(strapi, ARTICLE, params.documentId, locale)) {
        const before = await strapi.db.query(ARTICLE).findOne({
          where: { documentId: params.documentId, locale, publishedAt: null },
          select: SUBSTANTIVE_FIELDS.filter((field) => field !== 'cover'),
          populate: { cover: { select: ['id'] } },
        });
        if (before && isSubstantiveChange(before, params.data)) params.data.updatedDate = now().toISOString();
      }
    }

    return next();
  };
}
