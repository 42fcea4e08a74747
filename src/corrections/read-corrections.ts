import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isoFromDb, tableOf } from '../database/sql';
import { ARTICLE, CORRECTION } from '../uids';

export interface PublicCorrection {
  id: number;
  date: string | null;
  note: string;
}

interface ComponentLink {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  on?: Record<string, string>;
  orderColumnName?: string;
}

/**
 * The correction notes of one article row, in their stored order (date order: the corrections
 * middleware sorts them on write), shaped as the Document Service returns the component. Read
 * from Strapi's component link table (`articles_cmps`: entity_id, cmp_id, component_type, field,
 * order); the caller has already checked that the row is public.
 */
export async function readCorrections(strapi: Core.Strapi, db: Knex | Knex.Transaction, articleId: number): Promise<PublicCorrection[]> {
  const attribute = (strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, { joinTable?: ComponentLink }> }).attributes
    .corrections;
  const link = attribute?.joinTable;
  if (!link) throw new Error('corrections: the article model has no component link table (schema changed?)');
  const table = tableOf(strapi, CORRECTION);
  const rows = (await db(`${link.name} as l`)
    .join(`${table} as c`, 'c.id', `l.${link.inverseJoinColumn.name}`)
    .where(`l.${link.joinColumn.name}`, articleId)
    .andWhere('l.field', 'corrections')
    .andWhere('l.component_type', CORRECTION)
    .orderBy(`l.${link.orderColumnName ?? 'order'}`, 'asc')
    .orderBy('l.id', 'asc')
    .select('c.id', 'c.date', 'c.note')) as Array<{ id: number; date: unknown; note: string }>;
  return rows.map((row) => ({ id: row.id, date: isoFromDb(row.date), note: row.note }));
}
