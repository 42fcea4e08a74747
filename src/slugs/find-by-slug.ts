import type { Core } from '@strapi/strapi';
import { createSlugRegistry, isCurrentRow, isPublishedRow } from './slug-registry';
import { inTransaction } from '../database/transaction';
import type { SluggedUid } from '../uids';

export type SlugLookup<T> = { kind: 'found'; document: T } | { kind: 'moved'; slug: string } | { kind: 'missing' };

/**
 * Finds the published document holding `slug` in a locale. When the slug is one the document
 * held earlier (and published), answers `moved` with the current slug so callers can redirect.
 * Reads go through the Document Service, so the public visibility rules (published only, no
 * embargo) apply to both branches.
 */
export async function findBySlug<T extends { documentId: string }>(
  strapi: Core.Strapi,
  uid: SluggedUid,
  slug: string,
  locale: string,
  populate: unknown,
): Promise<SlugLookup<T>> {
  const documents = strapi.documents(uid);
  // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
  const found = await documents.findFirst({ locale, status: 'published', filters: { slug }, populate } as never);
  // Cast: The Document Service returns the generated entity type; only these fields are read.
  if (found) return { kind: 'found', document: found as unknown as T };

  return findFormerSlug(strapi, uid, slug, locale);
}

/**
 * The tail of a by-slug lookup that found no document holding `slug` now: `moved` with the
 * current slug when `slug` is one a published document held earlier (and the document is
 * visible to this read), else `missing`.
 */
export async function findFormerSlug(strapi: Core.Strapi, uid: SluggedUid, slug: string, locale: string): Promise<SlugLookup<never>> {
  const current = await inTransaction(strapi, async (trx) => {
    const registry = createSlugRegistry(trx);
    const former = await registry.find(uid, locale, slug);
    if (!former || !isPublishedRow(former) || isCurrentRow(former)) return null;
    return (await registry.rowsOf(uid, former.document_id, locale)).find(isCurrentRow) ?? null;
  });
  if (!current) return { kind: 'missing' };
  // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
  const visible = await strapi
    .documents(uid)
    .findFirst({ locale, status: 'published', filters: { documentId: current.document_id }, fields: ['slug'] } as never);
  const visibleSlug = (visible as { slug?: string } | null)?.slug;
  return visibleSlug ? { kind: 'moved', slug: visibleSlug } : { kind: 'missing' };
}
