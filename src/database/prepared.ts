import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isPostgres } from './json-aggregate';

/**
 * Runs a hand-written public read (a knex builder, `.first()` or a list) and returns what
 * awaiting it would; on PostgreSQL as a named prepared statement, so the server
 * plans it once per connection instead of on every request.
 *
 * Why: the one-statement readers build their answer in the database with a dozen correlated
 * JSON subqueries. Sent unnamed (knex's default), PostgreSQL parses and plans that text on
 * every execution: at 1,000 articles planning took ~3 ms and execution ~0.3 ms, so planning was
 * most of an uncached answer's database time. A named statement is parsed once per pooled
 * connection, and after its first executions PostgreSQL keeps a generic plan when it costs no
 * more than the custom ones.
 *
 * The name is a hash of the SQL text (node-postgres refuses one name for two texts), so every
 * shape of a query (an IN list of another length, a narrowing) is its own statement. The
 * number of shapes is small and bounded by the readers' limits. SQLite is untouched:
 * better-sqlite3 already keeps its compiled statements.
 *
 * `DATABASE_PREPARED_STATEMENTS=false` sends them unnamed again, e.g. behind a connection pooler
 * in transaction mode that cannot keep prepared statements across transactions.
 */
export async function readPrepared<T>(strapi: Core.Strapi, db: Knex | Knex.Transaction, query: Knex.QueryBuilder): Promise<T> {
  if (!isPostgres(db) || strapi.config.get<boolean>('novinar.database.preparedStatements', true) === false) return (await query) as T;
  // Compiled once here and sent as raw SQL: compiling a builder of this size is a real share of
  // an answer's CPU, and the name needs the text anyway.
  const compiled = query.toSQL();
  const name = `novinar_${crypto.createHash('sha1').update(compiled.sql).digest('hex').slice(0, 32)}`;
  const result = (await db.raw(compiled.sql, [...compiled.bindings]).options({ name })) as { rows: unknown[] };
  return (compiled.method === 'first' ? result.rows[0] : result.rows) as T;
}
