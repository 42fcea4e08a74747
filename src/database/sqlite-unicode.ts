/**
 * SQLite folds only ASCII in lower(), upper() and LIKE, so Strapi's `$containsi` (which
 * compiles to `LOWER(col) LIKE LOWER(?)`) and the admin panel's list search miss Cyrillic
 * of another case. better-sqlite3 lets us replace these functions per connection with
 * Unicode-aware ones (lower, upper, and the LIKE operator via like()); application-defined
 * functions take precedence over the built-ins.
 * (SQLite documents lower() as ASCII-only for this reason). Case folding follows the Bulgarian locale
 * (toLocaleLowerCase('bg')), the same rule as the text analysis in src/domain/text.
 */
interface SqliteConnection {
  function(name: string, options: { deterministic: boolean; varargs?: boolean }, fn: (...args: unknown[]) => unknown): void;
}

const toLower = (value: unknown): unknown => (typeof value === 'string' ? value.toLocaleLowerCase('bg') : value);

const likeCache = new Map<string, RegExp>();

/** SQL LIKE pattern → anchored, case-insensitive, Unicode-aware RegExp (% = any run, _ = one character). */
export function likePatternToRegExp(pattern: string, escape?: string): RegExp {
  const cacheKey = `${escape ?? ''}\u0000${pattern}`;
  const cached = likeCache.get(cacheKey);
  if (cached) return cached;
  let source = '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i];
    if (escape && ch === escape && i + 1 < chars.length) {
      i += 1;
      source += chars[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const regexp = new RegExp(`^${source}$`, 'iu');
  if (likeCache.size > 1000) likeCache.clear();
  likeCache.set(cacheKey, regexp);
  return regexp;
}

/** SQLite calls like(pattern, value[, escape]) for `value LIKE pattern [ESCAPE e]`. */
const like = (pattern: unknown, value: unknown, escape?: unknown): number | null => {
  if (pattern === null || value === null || pattern === undefined || value === undefined) return null;
  return likePatternToRegExp(String(pattern), typeof escape === 'string' ? escape : undefined).test(String(value)) ? 1 : 0;
};
const toUpper = (value: unknown): unknown => (typeof value === 'string' ? value.toLocaleUpperCase('bg') : value);

export function registerSqliteUnicodeFunctions(raw: unknown, done: (error?: Error, connection?: unknown) => void): void {
  const connection = raw as SqliteConnection;
  try {
    connection.function('lower', { deterministic: true }, toLower);
    connection.function('upper', { deterministic: true }, toUpper);
    // The admin panel's list search compiles to `col LIKE ?`, whose built-in folding is ASCII-only.
    connection.function('like', { deterministic: true, varargs: true }, like as (...args: unknown[]) => unknown);
    done(undefined, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}
