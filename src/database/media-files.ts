import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { jsonFromDb, MEDIA_LINKS_TABLE, tableOf } from './sql';
import { UPLOAD_FILE } from '../uids';

/** The media field `field` of the `type` entries with these row ids. */
export interface MediaOwners {
  type: string;
  field: string;
  ids: readonly number[];
}

/** A file as the public answers show it (the callers pick the fields they show). */
export interface MediaFile {
  id: number;
  documentId: string;
  url: string;
  alternativeText: string | null;
  caption: string | null;
  width: number | null;
  height: number | null;
  formats: unknown;
  mime: string | null;
}

interface FileRow {
  owner: number;
  type: string;
  id: number;
  document_id: string;
  url: string;
  alternative_text: string | null;
  caption: string | null;
  width: number | null;
  height: number | null;
  formats: unknown;
  mime: string | null;
}

/** The key of an owner's file in `readMediaFiles`'s answer. */
export const mediaKey = (type: string, ownerId: number): string => `${type}:${ownerId}`;

/**
 * The first file (by the link's order) of each owner's media field, in one statement over
 * Strapi 5's polymorphic media link table: the article reader's cover and teaser image and the
 * card reader's covers and teaser images. Keyed by `mediaKey(type, ownerId)`.
 */
export async function readMediaFiles(strapi: Core.Strapi, db: Knex | Knex.Transaction, owners: readonly MediaOwners[]): Promise<Map<string, MediaFile>> {
  const found = new Map<string, MediaFile>();
  const wanted = owners.filter((owner) => owner.ids.length > 0);
  if (wanted.length === 0) return found;
  const rows = (await db(`${MEDIA_LINKS_TABLE} as m`)
    .join(`${tableOf(strapi, UPLOAD_FILE)} as f`, 'f.id', 'm.file_id')
    .where((query) => {
      for (const owner of wanted) {
        void query.orWhere((one) =>
          one
            .where('m.related_type', owner.type)
            .andWhere('m.field', owner.field)
            .whereIn('m.related_id', [...owner.ids]),
        );
      }
    })
    .orderBy('m.order', 'asc')
    .select(
      { owner: 'm.related_id', type: 'm.related_type' },
      'f.id',
      'f.document_id',
      'f.url',
      'f.alternative_text',
      'f.caption',
      'f.width',
      'f.height',
      'f.formats',
      'f.mime',
    )) as FileRow[];
  for (const row of rows) {
    const key = mediaKey(row.type, Number(row.owner));
    if (found.has(key)) continue;
    found.set(key, {
      id: row.id,
      documentId: row.document_id,
      url: row.url,
      alternativeText: row.alternative_text ?? null,
      caption: row.caption ?? null,
      width: row.width ?? null,
      height: row.height ?? null,
      formats: jsonFromDb(row.formats),
      mime: row.mime ?? null,
    });
  }
  return found;
}
