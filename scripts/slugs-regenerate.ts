/**
 * npm run slugs:regenerate [-- --dry-run] [-- --include-published]
 *
 * Recomputes slugs from titles/names with the official transliteration. By default only
 * documents (locale variants) that were never published change; --include-published also
 * changes published ones, keeping their old slugs in the registry so they answer 301.
 * --dry-run prints what would change and writes nothing.
 */
import { parseArgs } from 'node:util';
import { bootForScript } from './boot';
import { slugifyTitle } from '../src/domain/slug';
import { isGeneratedSlug } from '../src/domain/slug';
import { SLUG_SOURCE_FIELD } from '../src/slugs/slug-source';
import { createSlugRegistry, isPublishedRow } from '../src/slugs/slug-registry';
import { inTransaction } from '../src/database/transaction';
import { SLUGGED_TYPES } from '../src/uids';

interface Row {
  documentId: string;
  locale: string;
  slug: string | null;
  [field: string]: unknown;
}

async function main() {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, 'include-published': { type: 'boolean', default: false } } });
  const dryRun = values['dry-run'];
  const includePublished = values['include-published'];

  const strapi = await bootForScript();
  let changed = 0;
  let skipped = 0;
  try {
    for (const uid of SLUGGED_TYPES) {
      const dp = Boolean(strapi.contentType(uid).options?.draftAndPublish);
      const field = SLUG_SOURCE_FIELD[uid];
      const rows = (await strapi.db.query(uid).findMany({
        where: dp ? { publishedAt: null } : {},
        select: ['documentId', 'locale', 'slug', field],
        orderBy: { id: 'asc' },
      })) as Row[];
      for (const row of rows) {
        const source = String(row[field] ?? '');
        if (row.slug && isGeneratedSlug(row.slug, source, row.locale)) continue;
        const published =
          !dp || (await inTransaction(strapi, async (trx) => (await createSlugRegistry(trx).rowsOf(uid, row.documentId, row.locale)).some(isPublishedRow)));
        const proposed = slugifyTitle(source, row.locale);
        if (published && !includePublished) {
          skipped += 1;
          console.log(`skip  ${uid} ${row.locale} ${row.documentId}: ${row.slug} (published; --include-published to change)`);
          continue;
        }
        console.log(
          `${dryRun ? 'would' : 'set  '} ${uid} ${row.locale} ${row.documentId}: ${row.slug ?? '(empty)'} → ${proposed}${published ? ' (old slug keeps redirecting)' : ''}`,
        );
        changed += 1;
        if (dryRun) continue;
        const updated = (await strapi.documents(uid).update({ documentId: row.documentId, locale: row.locale, data: { slug: '' } as never })) as {
          slug?: string;
        } | null;
        if (dp && published && updated?.slug) {
          // Give the live copy the new slug without publishing the draft's other unpublished edits.
          await strapi.db
            .query(uid)
            .updateMany({ where: { documentId: row.documentId, locale: row.locale, publishedAt: { $notNull: true } }, data: { slug: updated.slug } });
          await inTransaction(strapi, (trx) => createSlugRegistry(trx).markPublished(uid, row.documentId, row.locale));
        }
      }
    }
    console.log(`${dryRun ? 'dry run: ' : ''}${changed} slug(s) ${dryRun ? 'would change' : 'changed'}, ${skipped} published skipped`);
  } finally {
    await strapi.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
