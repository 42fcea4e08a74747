import type { Core } from '@strapi/strapi';
import { isoFromDb } from '../database/sql';
import { variantKey } from '../domain/doctor';
import { ARTICLE } from '../uids';

interface AttributeMeta {
  columnName?: string;
}
interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}

// Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
export const modelMeta = (strapi: Core.Strapi, uid: string): ModelMeta => strapi.db.metadata.get(uid as never) as unknown as ModelMeta;
export const columnOf = (meta: ModelMeta, attribute: string): string => meta.attributes[attribute]?.columnName ?? attribute;

export interface PublishedVariantRow {
  documentId: string;
  locale: string;
  publicationDate: Date | null;
}

/** Every published article variant with its publication date (one row per document and locale). */
export async function publishedArticleVariants(strapi: Core.Strapi): Promise<PublishedVariantRow[]> {
  const meta = modelMeta(strapi, ARTICLE);
  const rows = (await strapi.db
    .connection(meta.tableName)
    .select({ documentId: 'document_id', locale: 'locale', publicationDate: columnOf(meta, 'publicationDate') })
    .whereNotNull('published_at')) as Array<{ documentId: string; locale: string; publicationDate: unknown }>;
  return rows.map((row) => {
    const iso = isoFromDb(row.publicationDate);
    return { documentId: row.documentId, locale: row.locale, publicationDate: iso ? new Date(iso) : null };
  });
}

export const publishedKeys = (rows: readonly PublishedVariantRow[]): Set<string> => new Set(rows.map((row) => variantKey(row.documentId, row.locale)));

/** How many article rows (drafts and published, every locale) the archive holds: the doctor's size measure. */
export async function articleRowCount(strapi: Core.Strapi): Promise<number> {
  const [{ n }] = (await strapi.db.connection(modelMeta(strapi, ARTICLE).tableName).count({ n: '*' })) as Array<{ n: number | string }>;
  return Number(n);
}
