import type { Core } from '@strapi/strapi';
import { actionLocales } from '../domain/documents/action-locales';
import { DEFAULT_LOCALE } from '../locales';
import { ARTICLE } from '../uids';

/**
 * The article variants a Document Service action works on (Strapi's own rule: none given = the
 * default locale; `'*'` = every variant that exists now, so call it before a delete).
 */
export async function articleActionLocales(strapi: Core.Strapi, documentId: string, locale: unknown): Promise<string[]> {
  const existing =
    locale === '*' ? ((await strapi.db.query(ARTICLE).findMany({ where: { documentId }, select: ['locale'] })) as Array<{ locale: string }>) : [];
  return actionLocales(
    locale,
    DEFAULT_LOCALE,
    existing.map((row) => row.locale),
  );
}
