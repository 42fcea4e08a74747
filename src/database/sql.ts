import type { Core } from '@strapi/strapi';

/** A relation's link table as Strapi 5's database metadata describes it. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
}

/** Strapi 5's polymorphic link of media fields (file_id, related_id, related_type, field, order). */
export const MEDIA_LINKS_TABLE = 'files_related_mph';

/** A content type's table, as Strapi's database metadata names it (never typed in by hand). */
export function tableOf(strapi: Core.Strapi, uid: string): string {
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  return (strapi.db.metadata.get(uid as never) as unknown as { tableName: string }).tableName;
}

/** The rows of a `knex.raw` SELECT: an array on SQLite, `{ rows }` on PostgreSQL. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A datetime column as Strapi returns it: epoch milliseconds on SQLite, Date on PostgreSQL → ISO string. */
export function isoFromDb(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return date.toISOString();
}

/** A JSON column: text on SQLite, already parsed (jsonb) on PostgreSQL. */
export function jsonFromDb(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : (value ?? null);
}
