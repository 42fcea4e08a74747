/**
 * Rows of the project's own tables as a backup carries them: plain JSON values that read the
 * same whichever database wrote them, so a SQLite backup restores into PostgreSQL and back.
 * The drivers disagree on two kinds: booleans (SQLite 0/1, PostgreSQL true/false) and
 * instants (SQLite milliseconds or `CURRENT_TIMESTAMP` text in UTC, PostgreSQL Date objects).
 */
export type ColumnKind = 'text' | 'integer' | 'boolean' | 'instant';

export interface TableSpec {
  table: string;
  /** The carried columns and how each is written; columns not listed (ids, claims) stay behind. */
  columns: Readonly<Record<string, ColumnKind>>;
  /** Columns that may be null. */
  nullable?: readonly string[];
}

export type DumpValue = string | number | boolean | null;
export type DumpRow = Record<string, DumpValue>;

/** SQLite's CURRENT_TIMESTAMP text: UTC without a zone designator (new Date() would read it as local time). */
const SQLITE_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/** A stored instant as an ISO string in UTC; throws on a value that is not one. */
export function instantToIso(value: unknown, what: string): string {
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value);
  else if (typeof value === 'string' && /^\d+$/.test(value)) date = new Date(Number(value));
  else if (typeof value === 'string' && SQLITE_TIMESTAMP.test(value)) date = new Date(value.replace(SQLITE_TIMESTAMP, '$1T$2Z'));
  else if (typeof value === 'string') date = new Date(value);
  else throw new RangeError(`${what} is not an instant: ${JSON.stringify(value)}`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${what} is not an instant: ${JSON.stringify(value)}`);
  return date.toISOString();
}

function encodeValue(kind: ColumnKind, value: unknown, what: string): DumpValue {
  switch (kind) {
    case 'boolean':
      if (value === true || value === 1 || value === '1') return true;
      if (value === false || value === 0 || value === '0') return false;
      throw new RangeError(`${what} is not a boolean: ${JSON.stringify(value)}`);
    case 'integer': {
      const number = Number(value);
      if (!Number.isInteger(number)) throw new RangeError(`${what} is not an integer: ${JSON.stringify(value)}`);
      return number;
    }
    case 'instant':
      return instantToIso(value, what);
    case 'text':
      if (typeof value !== 'string') throw new RangeError(`${what} is not text: ${JSON.stringify(value)}`);
      return value;
  }
}

/** A database row as the dump writes it: the spec's columns only, in portable values. */
export function encodeRow(spec: TableSpec, row: Record<string, unknown>): DumpRow {
  const out: DumpRow = {};
  for (const [column, kind] of Object.entries(spec.columns)) {
    const value = row[column];
    const what = `${spec.table}.${column}`;
    if (value === null || value === undefined) {
      if (!spec.nullable?.includes(column)) throw new RangeError(`${what} is empty`);
      out[column] = null;
    } else {
      out[column] = encodeValue(kind, value, what);
    }
  }
  return out;
}

/**
 * A dumped row as the database takes it back (instants as Date), checked column by column so a
 * damaged or foreign dump is refused before anything is written.
 */
export function decodeRow(spec: TableSpec, row: unknown, index: number): Record<string, string | number | boolean | Date | null> {
  const where = `${spec.table} row ${index + 1}`;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new RangeError(`${where} is not an object`);
  const record = row as Record<string, unknown>;
  const unknown = Object.keys(record).filter((column) => !(column in spec.columns));
  if (unknown.length) throw new RangeError(`${where} has unknown column(s): ${unknown.join(', ')}`);
  const out: Record<string, string | number | boolean | Date | null> = {};
  for (const [column, kind] of Object.entries(spec.columns)) {
    const value = record[column];
    if (value === null || value === undefined) {
      if (!spec.nullable?.includes(column)) throw new RangeError(`${where}: ${column} is empty`);
      out[column] = null;
      continue;
    }
    const encoded = encodeValue(kind, value, `${where}: ${column}`);
    out[column] = kind === 'instant' ? new Date(encoded as string) : encoded;
  }
  return out;
}
