import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { jsonList, type JsonAggregate } from '../database/json-aggregate';
import { componentRows } from '../database/linked-rows';
import { isoFromDb } from '../database/sql';
import { ARTICLE, CORRECTION } from '../uids';

export interface PublicCorrection {
  id: number;
  date: string | null;
  note: string;
}

/**
 * The correction notes of the article row `owner` (an alias of the outer query) as a JSON list
 * subquery, in their stored order (date order: the corrections middleware sorts them on write),
 * read from Strapi's component link table (`database/linked-rows.ts` `componentRows`); the
 * outer query has already restricted the row to a public one. Part of the by-slug reader's one
 * statement; `correctionsFromJson` turns it into the component's shape.
 */
export function correctionsJson(strapi: Core.Strapi, db: Knex | Knex.Transaction, json: JsonAggregate, owner: string): Knex.QueryBuilder {
  const source = componentRows(strapi, db, ARTICLE, 'corrections', CORRECTION, 'corr');
  void source.query.where(source.owner, db.ref(`${owner}.id`));
  return json.list(source, { id: source.c('id'), date: source.c('date'), note: source.c('note') });
}

/** The corrections of `correctionsJson`, shaped as the Document Service returns the component. */
export function correctionsFromJson(value: unknown): PublicCorrection[] {
  return jsonList<{ id: number; date: unknown; note: string }>(value).map((row) => ({ id: row.id, date: isoFromDb(row.date), note: row.note }));
}
