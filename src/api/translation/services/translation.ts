/**
 * translation service: which articles need a translator, per locale.
 */
import type { Core } from '@strapi/strapi';
import { translationState, type TranslationState } from '../../../domain/translations/translation-status';
import { DEFAULT_LOCALE } from '../../../locales';
import { ARTICLE } from '../../../uids';

export interface TranslationStatusItem {
  documentId: string;
  title: string;
  slug: string | null;
  status: TranslationState;
  original: { locale: string; publishedAt: string | null; changedAt: string | null };
  translation: { locale: string; title: string; updatedAt: string | null; publishedAt: string | null } | null;
}

interface Row { documentId: string; title: string; slug: string | null; locale: string; updatedAt: string | null; updatedDate?: string | null; publicationDate?: string | null; publishedAt?: string | null }

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Newest Bulgarian originals first, each with the state of its `locale` variant. */
  async status(locale: string, page: number, pageSize: number, only?: TranslationState): Promise<{ items: TranslationStatusItem[]; total: number }> {
    const articles = strapi.db.query(ARTICLE);
    const where = { locale: DEFAULT_LOCALE, publishedAt: null };
    const [originals, total] = await Promise.all([
      articles.findMany({ where, select: ['documentId', 'title', 'slug', 'locale', 'updatedAt', 'updatedDate', 'publicationDate'], orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }) as Promise<Row[]>,
      articles.count({ where }),
    ]);
    const ids = originals.map((row) => row.documentId);
    const [translations, published] = await Promise.all([
      articles.findMany({ where: { documentId: { $in: ids }, locale, publishedAt: null }, select: ['documentId', 'title', 'locale', 'updatedAt'] }) as Promise<Row[]>,
      articles.findMany({ where: { documentId: { $in: ids }, locale: { $in: [locale, DEFAULT_LOCALE] }, publishedAt: { $notNull: true } }, select: ['documentId', 'locale', 'publishedAt'] }) as Promise<Row[]>,
    ]);
    const byId = new Map(translations.map((row) => [row.documentId, row]));
    const publishedAt = new Map(published.map((row) => [`${row.locale}:${row.documentId}`, iso(row.publishedAt)]));
    const items = originals.map((original): TranslationStatusItem => {
      const translation = byId.get(original.documentId) ?? null;
      return {
        documentId: original.documentId,
        title: original.title,
        slug: original.slug,
        status: translationState(original, translation),
        original: { locale: DEFAULT_LOCALE, publishedAt: publishedAt.get(`${DEFAULT_LOCALE}:${original.documentId}`) ?? null, changedAt: iso(original.updatedDate ?? original.publicationDate ?? original.updatedAt) },
        translation: translation
          ? { locale, title: translation.title, updatedAt: iso(translation.updatedAt), publishedAt: publishedAt.get(`${locale}:${original.documentId}`) ?? null }
          : null,
      };
    });
    return { items: only ? items.filter((item) => item.status === only) : items, total };
  },
});
