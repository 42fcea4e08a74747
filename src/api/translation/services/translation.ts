/**
 * translation service: which articles need a translator, per locale.
 */
import type { Core } from '@strapi/strapi';
import type { TranslationState } from '../../../domain/translations/translation-status';
import { readTranslationStatus, type TranslationStatusItem } from '../../../translations/translation-status-reader';

export type { TranslationStatusItem };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Newest-edited Bulgarian originals first, each with the state of its `locale` variant; `only` filters before paging. */
  async status(locale: string, page: number, pageSize: number, only?: TranslationState): Promise<{ items: TranslationStatusItem[]; total: number }> {
    return readTranslationStatus(strapi, locale, page, pageSize, only);
  },
});
