import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { nextFreeSlug } from '../domain/slug';
import { inTransaction } from '../database/transaction';

/**
 * Every slug a document has held, per content type and locale, in one table with a UNIQUE
 * (uid, locale, slug) constraint. It is the source of truth for uniqueness (Strapi's own uid
 * check only looks at drafts of one locale, #17540) and for redirects from former slugs.
 *
 * Claims are `INSERT … ON CONFLICT DO NOTHING` inside the write's transaction: two concurrent
 * creates of the same title cannot both win a slug on SQLite (writes are serialised) or on
 * PostgreSQL (the second insert waits for the first transaction, then yields), and a failed
 * write rolls its claim back with it.
 */
export const SLUG_REGISTRY_TABLE = 'novinar_slug_registry';

export interface SlugRow {
  uid: string;
  locale: string;
  slug: string;
  document_id: string;
  is_current: boolean | number;
  published: boolean | number;
}

export async function ensureSlugRegistryTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(SLUG_REGISTRY_TABLE)) return;
  await knex.schema.createTable(SLUG_REGISTRY_TABLE, (table) => {
    table.increments('id');
    table.string('uid', 120).notNullable();
    table.string('locale', 16).notNullable();
    table.string('slug', 160).notNullable();
    table.string('document_id', 64).notNullable();
    table.boolean('is_current').notNullable().defaultTo(true);
    table.boolean('published').notNullable().defaultTo(false);
    table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
    table.unique(['uid', 'locale', 'slug'], { indexName: 'novinar_slug_registry_slug_uq' });
    table.index(['uid', 'document_id', 'locale'], 'novinar_slug_registry_doc_idx');
  });
}

type Trx = Knex | Knex.Transaction;

/** Candidate slugs looked up per query when searching for a free one. */
const PROBE_BATCH = 20;

const truthy = (value: boolean | number) => value === true || value === 1;

export function createSlugRegistry(trx: Trx) {
  const table = () => trx(SLUG_REGISTRY_TABLE);

  /**
   * The slugs among base, base-2, base-3 … (the order `nextFreeSlug` tries them) that are
   * taken, probed in batches by equality on the unique index until a batch has a free one.
   * `slug LIKE 'base-%'` would read every slug of the locale on SQLite (the Unicode-aware
   * LIKE cannot use an index) and on PostgreSQL (non-C collation).
   */
  async function takenLike(uid: string, locale: string, base: string): Promise<Set<string>> {
    const taken = new Set<string>();
    const probed = new Set<string>();
    for (;;) {
      const batch: string[] = [];
      while (batch.length < PROBE_BATCH) {
        const candidate = nextFreeSlug(base, probed);
        probed.add(candidate);
        batch.push(candidate);
      }
      const rows: Array<{ slug: string }> = await table().select('slug').where({ uid, locale }).whereIn('slug', batch);
      for (const row of rows) taken.add(row.slug);
      if (rows.length < batch.length) return taken;
    }
  }

  /** Rows of one document and locale, current first. */
  async function rowsOf(uid: string, documentId: string, locale: string): Promise<SlugRow[]> {
    return table().where({ uid, document_id: documentId, locale }).orderBy('is_current', 'desc');
  }

  async function find(uid: string, locale: string, slug: string): Promise<SlugRow | undefined> {
    return table().where({ uid, locale, slug }).first();
  }

  /**
   * Claims the first free slug derived from `base` (base, base-2, …) for a document, or a
   * placeholder owner to be set with `assignOwner` once the document exists.
   */
  async function claimFree(uid: string, locale: string, base: string, owner: string, published: boolean): Promise<string> {
    const taken = await takenLike(uid, locale, base);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const candidate = nextFreeSlug(base, taken);
      const claimed = await claimExact(uid, locale, candidate, owner, published);
      if (claimed) return candidate;
      taken.add(candidate);
    }
    throw new Error(`could not find a free slug for "${base}" after 50 attempts`);
  }

  /** Claims exactly `slug`; false when another document holds it. */
  async function claimExact(uid: string, locale: string, slug: string, owner: string, published: boolean): Promise<boolean> {
    await table().insert({ uid, locale, slug, document_id: owner, is_current: true, published }).onConflict(['uid', 'locale', 'slug']).ignore();
    const row = await find(uid, locale, slug);
    if (!row || row.document_id !== owner) return false;
    await table().where({ uid, locale, slug, document_id: owner }).update({ is_current: true });
    return true;
  }

  async function assignOwner(uid: string, placeholder: string, documentId: string): Promise<void> {
    await table().where({ uid, document_id: placeholder }).update({ document_id: documentId });
  }

  /** Makes `slug` the document's current slug; former published slugs stay for redirects, unpublished ones are freed. */
  async function retire(uid: string, documentId: string, locale: string, keep: string): Promise<void> {
    const rows = await rowsOf(uid, documentId, locale);
    for (const row of rows.filter((candidate) => candidate.slug !== keep)) {
      if (truthy(row.published)) {
        await table().where({ uid, locale, slug: row.slug }).update({ is_current: false });
      } else {
        await table().where({ uid, locale, slug: row.slug }).delete();
      }
    }
  }

  /** The document's current slugs (one locale, or all) went public: from now on they redirect when replaced. */
  async function markPublished(uid: string, documentId: string, locale: string | undefined): Promise<void> {
    const query = table().where({ uid, document_id: documentId, is_current: true });
    if (locale) query.andWhere({ locale });
    await query.update({ published: true });
  }

  async function forget(uid: string, documentId: string, locale?: string): Promise<void> {
    const query = table().where({ uid, document_id: documentId });
    if (locale) query.andWhere({ locale });
    await query.delete();
  }

  return { find, rowsOf, claimFree, claimExact, assignOwner, retire, markPublished, forget, takenLike };
}

export type SlugRegistry = ReturnType<typeof createSlugRegistry>;

export const newPlaceholderOwner = (): string => `pending:${crypto.randomUUID()}`;
export const isPublishedRow = (row: SlugRow): boolean => truthy(row.published);
export const isCurrentRow = (row: SlugRow): boolean => truthy(row.is_current);

/** Whether a document's locale variant has ever been published (its slug rows remember it). */
export async function wasEverPublished(strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<boolean> {
  return inTransaction(strapi, async (trx) => (await createSlugRegistry(trx).rowsOf(uid, documentId, locale)).some(isPublishedRow));
}
