import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { wherePublishedRow } from '../visibility';
import { UPLOAD_FILE } from '../uids';
import type { JsonSource } from './json-aggregate';
import { MEDIA_LINKS_TABLE, tableOf, type JoinTable } from './sql';

type Db = Knex | Knex.Transaction;

/**
 * The rows one relation links to an owner row of the outer query, as a correlated source for
 * `json-aggregate.ts` (`list` for many, `first` for one): the link table (alias `<as>_l`) joined
 * to the target table (alias `<as>_x`), in the link table's own order (the editor's order of
 * bylines), then link id. Each source has its own aliases, so sources nest without shadowing.
 */
export function linkedRows(
  db: Db,
  owner: string,
  link: JoinTable,
  table: string,
  as: string,
  options: { publishedOnly?: boolean } = {},
): JsonSource & { x: (column: string) => string } {
  const l = `${as}_l`;
  const x = `${as}_x`;
  const query = db(`${link.name} as ${l}`)
    .join(`${table} as ${x}`, `${x}.id`, `${l}.${link.inverseJoinColumn.name}`)
    .where(`${l}.${link.joinColumn.name}`, db.ref(`${owner}.id`));
  // Types with drafts (bylines, teasers): their published rows only.
  if (options.publishedOnly) void wherePublishedRow(query, x);
  return { query, orderBy: [link.orderColumnName ? `${l}.${link.orderColumnName}` : `${l}.id`, `${l}.id`], x: (column) => `${x}.${column}` };
}

/** The columns of a media file the public answers show, as JSON fields (alias `<as>_f`). */
export const mediaFields = (as: string, columns: readonly string[]): Record<string, string> =>
  Object.fromEntries(['id', 'document_id', ...columns].map((column) => [column, `${as}_f.${column}`]));

/**
 * The files of the media field `field` of the `type` row `ownerId` (a column of the outer
 * query), over Strapi 5's polymorphic media link table (alias `<as>_m`) and the files table
 * (alias `<as>_f`), in the link's order.
 */
export function mediaRows(strapi: Core.Strapi, db: Db, type: string, field: string, ownerId: string, as: string): JsonSource {
  const m = `${as}_m`;
  const query = db(`${MEDIA_LINKS_TABLE} as ${m}`)
    .join(`${tableOf(strapi, UPLOAD_FILE)} as ${as}_f`, `${as}_f.id`, `${m}.file_id`)
    .where(`${m}.related_id`, db.ref(ownerId))
    .andWhere(`${m}.related_type`, type)
    .andWhere(`${m}.field`, field);
  return { query, orderBy: [`${m}.order`, `${m}.id`] };
}

/** A repeatable component field's link as Strapi 5's metadata describes it (`<table>_cmps`: entity_id, cmp_id, component_type, field, order). */
interface ComponentLink {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
}

/**
 * The components of the field `field` (component `component`) of `ownerUid` rows, as a source for
 * `json-aggregate.ts`: the component link table (alias `<as>_l`) joined to the component table
 * (alias `<as>_c`), in their stored order. `owner` is the link's column of the owner row id; the
 * caller ties it to the outer query.
 */
export function componentRows(
  strapi: Core.Strapi,
  db: Db,
  ownerUid: string,
  field: string,
  component: string,
  as: string,
): JsonSource & { owner: string; c: (column: string) => string } {
  // Cast: Strapi types metadata.get by registered uid and leaves out the link details read here.
  const attribute = (strapi.db.metadata.get(ownerUid as never) as unknown as { attributes: Record<string, { joinTable?: ComponentLink }> }).attributes[field];
  const link = attribute?.joinTable;
  if (!link) throw new Error(`${ownerUid}.${field}: no component link table (schema changed?)`);
  const l = `${as}_l`;
  const c = `${as}_c`;
  const query = db(`${link.name} as ${l}`)
    .join(`${tableOf(strapi, component)} as ${c}`, `${c}.id`, `${l}.${link.inverseJoinColumn.name}`)
    .where(`${l}.field`, field)
    .andWhere(`${l}.component_type`, component);
  return { query, orderBy: [`${l}.${link.orderColumnName ?? 'order'}`, `${l}.id`], owner: `${l}.${link.joinColumn.name}`, c: (column) => `${c}.${column}` };
}
