/**
 * Write-time date rules for articles, kept pure so the Document Service middleware that
 * applies them stays a thin adapter (the shape of Payload's "stamp a publish date" hook:
 * a pure decision wrapped by a tiny typed adapter).
 */
import { toInstant, toOptionalInstant } from './to-instant';

/**
 * Fields whose change makes an edit worth an "updated" stamp. Metadata (tags, section,
 * slug, publishedAt, SEO fields) can change without readers seeing a different story.
 */
export const SUBSTANTIVE_FIELDS: readonly string[] = Object.freeze(['title', 'lede', 'body', 'cover']);

/**
 * The publication date to store on publish: an editor-set date wins (it may be a deliberate
 * embargo or a back-dated import), otherwise `now`. Always returned as a UTC ISO string,
 * because instants are stored in UTC and only printed in local time. A malformed editor date
 * throws rather than being silently replaced by `now`.
 */
export function stampPublicationDate(current: string | null | undefined, now: Date): string {
  const editorSet = toOptionalInstant(current, 'publicationDate');
  return (editorSet ?? toInstant(now, 'now')).toISOString();
}

interface Reference {
  id?: string;
  documentId?: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * A relation or media value identifies itself by documentId (Strapi 5) or id. Components in
 * a dynamic zone also carry an `id` but their content is what matters, so objects with
 * `__component` are compared by content instead.
 */
function referenceOf(value: Record<string, unknown>): Reference | null {
  const reference: Reference = {};
  if (typeof value.documentId === 'string' && value.documentId !== '') {
    reference.documentId = value.documentId;
  }
  if (!('__component' in value) && (typeof value.id === 'number' || typeof value.id === 'string')) {
    reference.id = String(value.id);
  }
  return reference.documentId === undefined && reference.id === undefined ? null : reference;
}

/** Leaf values compare as JSON would serialise them: a Date equals its ISO string. */
function leafOf(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

function sameReference(a: Reference, b: Reference): boolean | null {
  if (a.documentId !== undefined && b.documentId !== undefined) return a.documentId === b.documentId;
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return null;
}

function equalValues(a: unknown, b: unknown): boolean {
  if (isPlainObject(a) && isPlainObject(b)) {
    const refA = referenceOf(a);
    const refB = referenceOf(b);
    if (refA !== null && refB !== null) {
      // A populated media object and a bare { id } are the same file; when the two sides
      // name different kinds of key we cannot tell, so fall through to content equality.
      const same = sameReference(refA, refB);
      if (same !== null) return same;
    }
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equalValues(a[key], b[key]));
  }
  // The admin may send a relation or media as its bare id while the stored version is populated.
  if (isPlainObject(a) && (typeof b === 'number' || typeof b === 'string')) return matchesBareId(a, b);
  if (isPlainObject(b) && (typeof a === 'number' || typeof a === 'string')) return matchesBareId(b, a);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equalValues(item, b[i]));
  }
  if (Array.isArray(a) || Array.isArray(b) || isPlainObject(a) || isPlainObject(b)) return false;
  return leafOf(a) === leafOf(b);
}

function matchesBareId(object: Record<string, unknown>, id: number | string): boolean {
  const reference = referenceOf(object);
  if (reference === null) return false;
  return reference.id === String(id) || reference.documentId === String(id);
}

/**
 * Whether an edit changed what readers see, so it deserves an "updated" date. Compares the
 * given fields structurally (a re-saved body whose blocks are new objects with the same
 * content is unchanged), relations and media by identity. A field that is undefined in
 * `after` was not part of the write and therefore did not change; null and a missing value
 * are both "empty". Re-publishing without edits is not substantive.
 */
export function isSubstantiveChange(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[] = SUBSTANTIVE_FIELDS): boolean {
  return fields.some((field) => {
    const next = after[field];
    if (next === undefined) return false;
    const previous = before[field] ?? null;
    return !equalValues(previous, next);
  });
}
