/** A row of the slug registry as the check reads it. */
export interface RegistryEntry {
  id: number;
  uid: string;
  locale: string;
  slug: string;
  documentId: string;
}

/** A row of a slugged content type: one per locale and, with draft & publish, per status. */
export interface ContentSlug {
  uid: string;
  locale: string;
  documentId: string;
  slug: string | null;
  published: boolean;
  draftAndPublish: boolean;
}

/** A slug the content holds that the registry should have, with the flags it should carry. */
export interface MissingSlug {
  uid: string;
  locale: string;
  documentId: string;
  slug: string;
  isCurrent: boolean;
  published: boolean;
}

export interface SlugRegistryDisagreements {
  /** Rows of document variants that no longer exist (deleted, or a create that never finished). */
  orphans: RegistryEntry[];
  /** Slugs the content holds with no registry row: nothing would stop a second document taking them. */
  missing: MissingSlug[];
  /** Slugs the content holds whose registry row belongs to another document: two documents share a slug. */
  conflicts: Array<{ content: ContentSlug; owner: RegistryEntry }>;
}

const slugKey = (uid: string, locale: string, slug: string) => `${uid}\t${locale}\t${slug}`;
const variantOf = (uid: string, documentId: string, locale: string) => `${uid}\t${documentId}\t${locale}`;

/**
 * Compares the registry with the slugs the content holds. A variant's current slug is the one
 * its editable row holds (the draft with draft & publish, else the only row); a slug is
 * published when a published row holds it (always, without draft & publish). Former slugs of
 * existing variants are not compared: they are history the content no longer shows.
 */
export function slugRegistryDisagreements(registry: readonly RegistryEntry[], content: readonly ContentSlug[]): SlugRegistryDisagreements {
  const variants = new Set(content.map((row) => variantOf(row.uid, row.documentId, row.locale)));
  const bySlug = new Map(registry.map((row) => [slugKey(row.uid, row.locale, row.slug), row]));
  const orphans = registry.filter((row) => !variants.has(variantOf(row.uid, row.documentId, row.locale)));

  const wanted = new Map<string, MissingSlug>();
  for (const row of content) {
    if (!row.slug) continue;
    const key = `${slugKey(row.uid, row.locale, row.slug)}\t${row.documentId}`;
    const entry = wanted.get(key) ?? { uid: row.uid, locale: row.locale, documentId: row.documentId, slug: row.slug, isCurrent: false, published: false };
    if (!row.draftAndPublish || !row.published) entry.isCurrent = true;
    if (!row.draftAndPublish || row.published) entry.published = true;
    wanted.set(key, entry);
  }
  const missing: MissingSlug[] = [];
  const conflicts: SlugRegistryDisagreements['conflicts'] = [];
  for (const entry of wanted.values()) {
    const owner = bySlug.get(slugKey(entry.uid, entry.locale, entry.slug));
    if (!owner) missing.push(entry);
    else if (owner.documentId !== entry.documentId) {
      const holder = content.find(
        (row) => row.uid === entry.uid && row.locale === entry.locale && row.documentId === entry.documentId && row.slug === entry.slug,
      ) as ContentSlug;
      conflicts.push({ content: holder, owner });
    }
  }
  const order = (a: { uid: string; locale: string; slug: string }, b: { uid: string; locale: string; slug: string }) =>
    slugKey(a.uid, a.locale, a.slug) < slugKey(b.uid, b.locale, b.slug) ? -1 : 1;
  return { orphans: [...orphans].sort(order), missing: missing.sort(order), conflicts: conflicts.sort((a, b) => order(a.owner, b.owner)) };
}
