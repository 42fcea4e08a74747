import type { QueryWord } from './search-terms';

/**
 * Engine query expressions built from analysed terms only, never from user text. Terms hold
 * letters, digits and the key prefix `_` (search-terms.ts); each is quoted anyway, so even a
 * term that spelled an operator (a Latin query word "near", "or", "not") is a plain word.
 * Every word must match (AND); any alternative of a word will do (OR).
 */

function quoteFts5(term: string): string {
  // FTS5 string: double quotes inside are doubled (sqlite.org/fts5.html, section 3.1).
  return `"${term.replace(/"/gu, '""')}"`;
}

function quoteTsquery(term: string): string {
  // tsquery lexeme: single quotes inside are doubled, backslashes escaped (PostgreSQL docs 8.11.2).
  return `'${term.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/** An FTS5 MATCH expression: ("a" OR "_a") AND ("b"). `any` joins the words with OR instead. */
export function fts5Match(words: readonly QueryWord[], any = false): string {
  return words.map((word) => `(${word.alternatives.map(quoteFts5).join(' OR ')})`).join(any ? ' OR ' : ' AND ');
}

/** A tsquery literal (cast with ::tsquery, no parser in between): ('a' | '_a') & ('b'). */
export function tsqueryLiteral(words: readonly QueryWord[], any = false): string {
  return words.map((word) => `(${word.alternatives.map(quoteTsquery).join(' | ')})`).join(any ? ' | ' : ' & ');
}

/** A tsvector literal of weighted terms at their positions (PostgreSQL keeps positions up to 16383). */
export function tsvectorLiteral(fields: ReadonlyArray<{ terms: readonly string[]; weight: 'A' | 'B' | 'C' | 'D' }>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const field of fields) {
    for (const term of field.terms) {
      position = Math.min(position + 1, 16383);
      const list = positions.get(term) ?? [];
      // PostgreSQL keeps at most 256 positions per lexeme.
      if (list.length < 256) list.push(`${position}${field.weight}`);
      positions.set(term, list);
    }
  }
  return [...positions].map(([term, list]) => `${quoteTsquery(term)}:${list.join(',')}`).join(' ');
}
