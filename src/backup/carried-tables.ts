import type { Knex } from 'knex';
import { decodeRow, encodeRow, type DumpRow, type TableSpec } from '../domain/backup/dump-rows';
import { SLUG_REGISTRY_TABLE } from '../slugs/slug-registry';
import { GOLIVE_TABLE } from '../golive/golive-store';

/**
 * The project's own tables that a backup must carry because nothing else can give them back.
 * The related-article tables are not among them: they are derived from the published articles
 * and a restore rebuilds them.
 */
interface CarriedTable extends TableSpec {
  /** Narrows the rows dumped. */
  scope?: (query: Knex.QueryBuilder) => Knex.QueryBuilder;
}

export const CARRIED_TABLES: readonly CarriedTable[] = [
  {
    // Every slug a document held: the former ones are history (the 301s of old links) that no
    // content field remembers. Keyed by document_id, which Strapi's import keeps, so the rows
    // load as they are; the numeric id is the table's own and is not carried.
    table: SLUG_REGISTRY_TABLE,
    columns: { uid: 'text', locale: 'text', slug: 'text', document_id: 'text', is_current: 'boolean', published: 'boolean', created_at: 'instant' },
  },
  {
    // Pending go-live moments only: fired ones are a record of events sent from the old site.
    // Claims are left behind, since they name processes of the old site; attempts and the last
    // error stay, so a moment given up on stays given up on.
    table: GOLIVE_TABLE,
    columns: { document_id: 'text', locale: 'text', go_live_at: 'instant', attempts: 'integer', last_error: 'text' },
    nullable: ['last_error'],
    scope: (query) => query.whereNull('fired_at'),
  },
];

export const TABLE_DUMP_FORMAT = 'novinar-tables';
export const TABLE_DUMP_VERSION = 1;

export interface TableDump {
  format: typeof TABLE_DUMP_FORMAT;
  version: typeof TABLE_DUMP_VERSION;
  tables: Record<string, DumpRow[]>;
}

export async function dumpTables(knex: Knex): Promise<TableDump> {
  const tables: Record<string, DumpRow[]> = {};
  for (const spec of CARRIED_TABLES) {
    const query = knex(spec.table).select(Object.keys(spec.columns)).orderBy('id');
    const rows = (await (spec.scope ? spec.scope(query) : query)) as Array<Record<string, unknown>>;
    tables[spec.table] = rows.map((row) => encodeRow(spec, row));
  }
  return { format: TABLE_DUMP_FORMAT, version: TABLE_DUMP_VERSION, tables };
}

export type DecodedTables = Map<string, Array<Record<string, unknown>>>;

/** Checks a parsed dump row by row; throws on anything this version would not write. */
export function decodeTables(parsed: unknown): DecodedTables {
  const dump = parsed as Partial<TableDump> | null;
  if (!dump || dump.format !== TABLE_DUMP_FORMAT) throw new Error('the table dump is not a Novinar table dump');
  if (dump.version !== TABLE_DUMP_VERSION) throw new Error(`the table dump has version ${String(dump.version)}; this app reads version ${TABLE_DUMP_VERSION}`);
  const decoded: DecodedTables = new Map();
  for (const spec of CARRIED_TABLES) {
    const rows = dump.tables?.[spec.table];
    if (!Array.isArray(rows)) throw new Error(`the table dump has no rows for ${spec.table}`);
    decoded.set(
      spec.table,
      rows.map((row, index) => decodeRow(spec, row, index)),
    );
  }
  return decoded;
}

/** Replaces the carried tables' rows with the dump's, all or nothing. */
export async function loadTables(knex: Knex, tables: DecodedTables): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await knex.transaction(async (trx) => {
    for (const spec of CARRIED_TABLES) {
      const rows = tables.get(spec.table) ?? [];
      await trx(spec.table).delete();
      for (let i = 0; i < rows.length; i += 200) await trx(spec.table).insert(rows.slice(i, i + 200));
      counts[spec.table] = rows.length;
    }
  });
  return counts;
}
