import type { Knex } from 'knex';
import { rowsOf, type JoinTable } from './sql';

/**
 * One relation of an owner table read through its link table: `columns` maps each output
 * column to the target's column, or to null where this target has no such column.
 */
export interface RelationPart<Column extends string> {
  link: JoinTable;
  /** The target content type's table. */
  table: string;
  columns: Partial<Record<Column, string>>;
  /** Only the target's published rows (bylines, teasers). */
  publishedOnly?: boolean;
}

/** A row of the union: which part (`rel`, its index), whose (`owner`), the target's id and document id, the named columns. */
export type RelationRow<Column extends string> = { rel: number; owner: number; id: number; document_id: string } & Record<Column, unknown>;

/**
 * Several relations of several owners in one statement: a SELECT per link table, UNION ALLed,
 * each row tagged with its part and owner, ordered by part, owner, then the link table's own
 * order (the editor's order of bylines) and link id. One round trip instead of one per
 * relation; the article reader and the card reader both read their relations with it.
 */
export async function readRelationUnion<Column extends string>(
  db: Knex | Knex.Transaction,
  ownerIds: readonly number[],
  columns: readonly Column[],
  parts: ReadonlyArray<RelationPart<Column>>,
): Promise<Array<RelationRow<Column>>> {
  if (ownerIds.length === 0 || parts.length === 0) return [];
  const sql = parts.map((part, index) => {
    const { link } = part;
    const order = link.orderColumnName ? `l.${link.orderColumnName}` : 'l.id';
    const select = columns.map((column) => {
      const source = part.columns[column];
      return source ? `x.${source} AS ${column}` : `CAST(NULL AS VARCHAR(255)) AS ${column}`;
    });
    const published = part.publishedOnly ? ' AND x.published_at IS NOT NULL' : '';
    return db
      .raw(
        `SELECT ${index} AS rel, l.${link.joinColumn.name} AS owner, ${order} AS ord, l.id AS link_id, x.id AS id, x.document_id AS document_id` +
          `${select.length > 0 ? `, ${select.join(', ')}` : ''} ` +
          `FROM ${link.name} l JOIN ${part.table} x ON x.id = l.${link.inverseJoinColumn.name} ` +
          `WHERE l.${link.joinColumn.name} IN (${ownerIds.map(() => '?').join(', ')})${published}`,
        [...ownerIds],
      )
      .toQuery();
  });
  const result = (await db.raw(`${sql.join(' UNION ALL ')} ORDER BY rel, owner, ord, link_id`)) as unknown;
  return rowsOf<RelationRow<Column>>(result).map((row) => ({ ...row, rel: Number(row.rel), owner: Number(row.owner) }));
}
