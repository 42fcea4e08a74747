/**
 * SQLite folds only ASCII in lower(), upper() and LIKE, so Strapi's `$containsi` (which
 * compiles to `LOWER(col) LIKE LOWER(?)`) and the admin panel's list search miss Cyrillic
 * of another case. better-sqlite3 lets us replace these functions per connection with
 * Unicode-aware ones; application-defined functions take precedence over the built-ins.
 * https://www.sqlite.org/lang_corefunc.html#lower, ../shared/BULGARIAN.md §3.
 */
interface SqliteConnection {
  function(name: string, options: { deterministic: boolean; varargs?: boolean }, fn: (...args: unknown[]) => unknown): void;
}

const toLower = (value: unknown): unknown => (typeof value === 'string' ? value.toLocaleLowerCase('bg') : value);
const toUpper = (value: unknown): unknown => (typeof value === 'string' ? value.toLocaleUpperCase('bg') : value);

export function registerSqliteUnicodeFunctions(raw: unknown, done: (error?: Error, connection?: unknown) => void): void {
  const connection = raw as SqliteConnection;
  try {
    connection.function('lower', { deterministic: true }, toLower);
    connection.function('upper', { deterministic: true }, toUpper);
    done(undefined, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}
