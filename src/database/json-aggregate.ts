import type { Knex } from 'knex';
import { jsonFromDb } from './sql';

/**
 * JSON built inside the database, so a reader gets an entry and everything linked to it in one
 * statement (one round trip, one plan) instead of a statement per relation. The only
 * dialect-specific SQL of the hand-written readers lives here:
 * - PostgreSQL: `json_build_object`, `json_agg(... ORDER BY ...)`; the `json` result reaches JS parsed.
 * - SQLite (JSON1, aggregate ORDER BY since 3.44): `json_object`, `json_group_array(... ORDER BY ...)`; text.
 *
 * Values keep their database types inside the JSON: timestamps are ISO strings on PostgreSQL and
 * epoch milliseconds on SQLite, booleans are true/false or 1/0, JSON columns are objects on
 * PostgreSQL (jsonb) and text on SQLite. Readers normalise them with `isoFromDb` and `jsonFromDb`.
 */

type Db = Knex | Knex.Transaction;

/** Output key → a column reference (`alias.column`) or an SQL expression (a nested JSON value, a count). */
export type JsonFields = Record<string, string | Knex.Raw>;

/** A subquery's FROM/JOIN/WHERE (no select) and the columns that order its rows. */
export interface JsonSource {
  query: Knex.QueryBuilder;
  orderBy: readonly string[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const isPostgres = (db: Db): boolean => ['postgres', 'pg'].includes(String(db.client.config.client));

export function createJsonAggregate(db: Db) {
  const pg = isPostgres(db);
  const value = (field: string | Knex.Raw): Knex.Raw => (typeof field === 'string' ? db.raw('??', [field]) : field);
  const order = (columns: readonly string[]) => db.raw(columns.map(() => '??').join(', '), [...columns]);

  /** One JSON object of `fields` for the current row. */
  function object(fields: JsonFields): Knex.Raw {
    const entries = Object.entries(fields);
    for (const [key] of entries) if (!KEY.test(key)) throw new Error(`json-aggregate: "${key}" is not a plain key`);
    const pairs = entries.map(([key]) => `'${key}', ?`).join(', ');
    return db.raw(
      `${pg ? 'json_build_object' : 'json_object'}(${pairs})`,
      entries.map(([, field]) => value(field)),
    );
  }

  /** A subquery giving the JSON array of `fields` for every row of `source`, in its order ('[]' when none). */
  function list(source: JsonSource, fields: JsonFields): Knex.QueryBuilder {
    const aggregate = pg ? `coalesce(json_agg(? ORDER BY ?), '[]'::json)` : 'json_group_array(? ORDER BY ?)';
    return source.query.clone().select(db.raw(aggregate, [object(fields), order(source.orderBy)]));
  }

  /** A subquery giving the JSON object of `fields` for the first row of `source` in its order, or NULL. */
  function first(source: JsonSource, fields: JsonFields): Knex.QueryBuilder {
    const query = source.query.clone().select(object(fields));
    for (const column of source.orderBy) void query.orderBy(column, 'asc');
    return query.limit(1);
  }

  /**
   * A JSON value (a `list` or `first` subquery, an `object`) inside `object`: SQLite would
   * otherwise be free to embed its text as a JSON string.
   */
  function nested(value: Knex.QueryBuilder | Knex.Raw): Knex.Raw {
    return pg ? db.raw('?', [value]) : db.raw('json(?)', [value]);
  }

  return { object, list, first, nested };
}

export type JsonAggregate = ReturnType<typeof createJsonAggregate>;

/** A JSON array read back (from a column, or nested in a JSON value): an empty list when absent. */
export function jsonList<T = Record<string, unknown>>(value: unknown): T[] {
  const parsed = jsonFromDb(value);
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/** A JSON object read back, or null. */
export function jsonObject<T = Record<string, unknown>>(value: unknown): T | null {
  const parsed = jsonFromDb(value);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as T) : null;
}
