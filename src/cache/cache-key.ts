import crypto from 'crypto';
import { parse, type OperationDefinitionNode } from 'graphql';

export const sha1 = (text: string): string => crypto.createHash('sha1').update(text).digest('hex');

/** Query strings in a canonical order, so ?a=1&b=2 and ?b=2&a=1 share an entry. */
export function canonicalQuery(querystring: string): string {
  const params = new URLSearchParams(querystring);
  return [...params.entries()].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b))).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** Only plain queries are cacheable; mutations, subscriptions and unparsable documents are not. */
export function isCacheableGraphqlQuery(query: unknown): boolean {
  if (typeof query !== 'string' || query.length > 20_000) return false;
  try {
    const document = parse(query);
    return document.definitions.every((definition) => definition.kind !== 'OperationDefinition' || (definition as OperationDefinitionNode).operation === 'query');
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
