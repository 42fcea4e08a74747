import type { Knex } from 'knex';
import { rowsOf } from '../database/sql';

export const GOLIVE_TABLE = 'novinar_golive';

/**
 * Go-live moments of embargoed article variants, one row per (document, locale, moment).
 * Rows are written when an article is published with a future publicationDate and claimed by
 * whichever instance's worker comes first when the moment is due, so that each event fires
 * once across instances: a claim is an atomic UPDATE (FOR UPDATE SKIP LOCKED on PostgreSQL;
 * SQLite serialises writers), and a claim left by a crashed instance is taken over after the
 * claim timeout (at-least-once then, never lost).
 */
export interface GoLiveRow {
  id: number;
  document_id: string;
  locale: string;
  go_live_at: string | number | Date;
  attempts: number;
}

export async function ensureGoLiveTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(GOLIVE_TABLE)) return;
  await knex.schema.createTable(GOLIVE_TABLE, (table) => {
    table.increments('id').primary();
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.timestamp('go_live_at', { useTz: true }).notNullable();
    table.string('claimed_by', 128).nullable();
    table.timestamp('claimed_at', { useTz: true }).nullable();
    table.timestamp('fired_at', { useTz: true }).nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.unique(['document_id', 'locale', 'go_live_at'], { indexName: 'novinar_golive_moment_uq' });
    table.index(['fired_at', 'go_live_at'], 'novinar_golive_due_idx');
  });
}

/** After this many failed attempts a moment is left for an operator (last_error says why). */
export const MAX_GOLIVE_ATTEMPTS = 10;

export function createGoLiveStore(db: Knex | Knex.Transaction) {
  const isPostgres = db.client.config.client === 'postgres' || db.client.config.client === 'pg';
  return {
    /** The one pending moment of a variant: earlier pending ones (a re-dated embargo) are dropped. */
    async schedule(documentId: string, locale: string, at: Date): Promise<void> {
      await db(GOLIVE_TABLE).where({ document_id: documentId, locale }).whereNull('fired_at').whereNot('go_live_at', at).delete();
      await db(GOLIVE_TABLE).insert({ document_id: documentId, locale, go_live_at: at }).onConflict(['document_id', 'locale', 'go_live_at']).ignore();
    },

    /** Drops the pending moments of every variant of a document but those of `keepLocales`. */
    async cancelExcept(documentId: string, keepLocales: readonly string[]): Promise<void> {
      const query = db(GOLIVE_TABLE).where({ document_id: documentId }).whereNull('fired_at');
      await (keepLocales.length ? query.whereNotIn('locale', [...keepLocales]) : query).delete();
    },

    /** Claims up to `limit` due moments for `owner`: unclaimed ones, or ones claimed before `staleBefore`. */
    async claimDue(at: Date, staleBefore: Date, owner: string, limit: number): Promise<GoLiveRow[]> {
      const lock = isPostgres ? ' FOR UPDATE SKIP LOCKED' : '';
      const result = await db.raw(
        `UPDATE ${GOLIVE_TABLE} SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE id IN (` +
          `SELECT id FROM ${GOLIVE_TABLE} WHERE fired_at IS NULL AND go_live_at <= ? AND attempts < ? AND (claimed_at IS NULL OR claimed_at < ?) ` +
          `ORDER BY go_live_at LIMIT ${Math.max(1, Math.floor(limit))}${lock}) RETURNING id, document_id, locale, go_live_at, attempts`,
        [owner, at, at, MAX_GOLIVE_ATTEMPTS, staleBefore],
      );
      return rowsOf<GoLiveRow>(result);
    },

    async markFired(id: number, owner: string, at: Date): Promise<void> {
      await db(GOLIVE_TABLE).where({ id, claimed_by: owner }).update({ fired_at: at, last_error: null });
    },

    /** Releases a claim after a failure, so the next tick retries it. */
    async markFailed(id: number, owner: string, error: string): Promise<void> {
      await db(GOLIVE_TABLE)
        .where({ id, claimed_by: owner })
        .update({ claimed_at: null, claimed_by: null, last_error: error.slice(0, 2000) });
    },

    async drop(id: number): Promise<void> {
      await db(GOLIVE_TABLE).where({ id }).delete();
    },
  };
}
