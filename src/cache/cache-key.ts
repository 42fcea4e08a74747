import crypto from 'crypto';
import { parse, type OperationDefinitionNode } from 'graphql';
import { canonicalApiPath } from '../domain/http/canonical-api-path';
import { passesCsrfPrevention } from '../domain/http/csrf-prevention';

export const sha1 = (text: string): string => crypto.createHash('sha1').update(text).digest('hex');

/**
 * Strapi's `strapi::query` middleware parses query strings with qs, which reads at most this many
 * parameters. The canonical form below must parse, with qs, to the same object as the original.
 */
const QS_PARAMETER_LIMIT = 1000;
/** `name`, `name[a]`, `name[a][0]`, `name[]`: keys that qs files under the top-level `name`. */
const PLAIN_KEY = /^([^[\]]+)(?:\[[^[\]]*\])*$/;

/** A parameter's key, split off and decoded the way qs does it (`+` is a space; a broken escape stays). */
function qsKey(part: string): string {
  const bracketEquals = part.indexOf(']=');
  const end = bracketEquals === -1 ? part.indexOf('=') : bracketEquals + 1;
  const key = (end === -1 ? part : part.slice(0, end)).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/**
 * The query string in a canonical order, so `?a=1&b=2` and `?b=2&a=1` share a cache entry.
 * Parameters are ordered by their top-level name only, and the sort is stable: parameters of the
 * same name keep the order they were sent in, because that order is meaning, e.g.
 * `sort=title:asc&sort=publicationDate:desc` is not the reverse order's query. `sort` and
 * `sort[1]` are one name for the same reason (qs merges them into one array, in sending order).
 * Parameters are kept as sent (never decoded and re-encoded), so two spellings that qs reads
 * differently never share an entry. A query with a key of any other shape (`[a]=1`, `a]=1`,
 * which qs files in ways not worth mirroring here) or with more parameters than qs reads keeps
 * the order it was sent in.
 */
export function canonicalQuery(querystring: string): string {
  if (querystring === '') return '';
  // qs reads an escaped bracket as a bracket before anything else; so do we, which also lets
  // `populate%5Btags%5D` and `populate[tags]` share an entry.
  const parts = querystring.replace(/%5B/gi, '[').replace(/%5D/gi, ']').split('&');
  if (parts.length > QS_PARAMETER_LIMIT) return querystring;
  const named: Array<{ part: string; name: string }> = [];
  for (const part of parts) {
    const key = qsKey(part);
    // qs ignores a parameter with an empty key wherever it stands.
    const name = key === '' ? '' : PLAIN_KEY.exec(key)?.[1];
    if (name === undefined) return querystring;
    named.push({ part, name });
  }
  // Array.prototype.sort is stable; compare code units, not locale rules.
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return named.map(({ part }) => part).join('&');
}

/** Only plain queries are cacheable; mutations, subscriptions and unparsable documents are not. */
export function isCacheableGraphqlQuery(query: unknown): boolean {
  if (typeof query !== 'string' || query.length > 20_000) return false;
  try {
    const document = parse(query);
    return document.definitions.every(
      (definition) => definition.kind !== 'OperationDefinition' || (definition as OperationDefinitionNode).operation === 'query',
    );
  } catch {
    return false;
  }
}

/** Every documentId a response shows: the documents whose change makes the entry stale. */
export function collectDocumentIds(body: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 12 || body === null || typeof body !== 'object') return found;
  if (Array.isArray(body)) {
    for (const item of body) collectDocumentIds(item, found, depth + 1);
    return found;
  }
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'documentId' && typeof value === 'string') found.add(value);
    else if (value && typeof value === 'object') collectDocumentIds(value, found, depth + 1);
  }
  return found;
}

/** What the key of a read without a body is made of. */
export interface BodilessRead {
  method: string;
  path: string;
  querystring: string;
  get(name: string): string;
}

/**
 * The response-cache key of a public read that carries no body: a REST GET or HEAD under /api
 * in canonical spelling (the api-request-guard middleware redirects other spellings), or a
 * GraphQL query over GET that Apollo's CSRF prevention lets through (Apollo answers /GraphQL
 * and /graphql/ too; the key does not depend on the path's spelling). Null for anything else.
 * Shared by the response cache and the cache front (src/middlewares/cache-front.ts), so both
 * look up the same entry for the same request.
 */
export function bodilessReadKey(request: BodilessRead): string | null {
  const canonical = canonicalApiPath(request.path);
  if ((request.method === 'GET' || request.method === 'HEAD') && request.path.startsWith('/api/') && canonical === request.path) {
    return `get:${request.path}?${canonicalQuery(request.querystring)}`;
  }
  if (request.method === 'GET' && canonical === '/graphql' && passesCsrfPrevention((name) => request.get(name))) {
    return `gqlget:${sha1(canonicalQuery(request.querystring))}`;
  }
  return null;
}
