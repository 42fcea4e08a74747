import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { correctionsChanged, prepareCorrections, type CorrectionNote } from '../domain/corrections';
import { DEFAULT_LOCALE } from '../locales';
import { now } from '../clock';
import { wasEverPublished } from '../slugs/slug-registry';
import { ARTICLE } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
interface Params {
  documentId?: string;
  locale?: string | string[];
  data?: Record<string, unknown>;
}

/**
 * Correction notes („Поправка“) on article writes: every note dated (empty: the moment of the
 * save) and kept in date order; a change to the notes of a story that was ever published stamps
 * its updatedDate, as a substantive edit does. publicationDate is left alone (the publication
 * dates middleware moves it only on a first publication).
 */
export function correctionsMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (context.uid !== ARTICLE || !['create', 'update'].includes(context.action)) return next();
    const params = context.params as Params;
    const notes = params.data?.corrections;
    if (!params.data || notes === undefined || notes === null) return next();
    if (!Array.isArray(notes)) throw new errors.ValidationError('corrections must be a list of notes.');
    const at = now();
    try {
      params.data.corrections = prepareCorrections(notes as CorrectionNote[], at);
    } catch (error) {
      throw new errors.ValidationError((error as Error).message);
    }
    if (context.action === 'update' && params.documentId) {
      const locale = typeof params.locale === 'string' ? params.locale : DEFAULT_LOCALE;
      if (await wasEverPublished(strapi, ARTICLE, params.documentId, locale)) {
        const before = (await strapi.db
          .query(ARTICLE)
          .findOne({ where: { documentId: params.documentId, locale, publishedAt: null }, select: ['id'], populate: { corrections: true } })) as {
          corrections?: CorrectionNote[];
        } | null;
        if (correctionsChanged(before?.corrections ?? [], params.data.corrections as CorrectionNote[])) params.data.updatedDate = at.toISOString();
      }
    }
    return next();
  };
}
