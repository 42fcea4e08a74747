import type { Knex } from 'knex';

/**
 * Indexes for every query the public API makes, beyond what Strapi creates itself
 * (document_id/locale/published_at and the link tables). Created from bootstrap with
 * CREATE INDEX IF NOT EXISTS: a file in database/migrations runs before Strapi creates its
 * tables on a fresh database and would silently do nothing there.
 */
export const PUBLIC_API_INDEXES: ReadonlyArray<{ name: string; table: string; columns: readonly string[]; publishedOnly?: boolean }> = [
  // by-slug lookups (article, teaser, agency, tag, section), public rows only
  { name: 'novinar_articles_slug_locale_pub_idx', table: 'articles', columns: ['slug', 'locale', 'published_at'] },
  { name: 'novinar_teasers_slug_locale_pub_idx', table: 'teasers', columns: ['slug', 'locale', 'published_at'] },
  { name: 'novinar_source_agencies_slug_locale_idx', table: 'source_agencies', columns: ['slug', 'locale'] },
  { name: 'novinar_tags_slug_locale_idx', table: 'tags', columns: ['slug', 'locale'] },
  { name: 'novinar_sections_slug_locale_idx', table: 'sections', columns: ['slug', 'locale'] },
  // newest-first lists, latest teasers and the embargo filter
  { name: 'novinar_articles_locale_pub_date_idx', table: 'articles', columns: ['locale', 'published_at', 'publication_date', 'document_id'] },
  { name: 'novinar_articles_publication_date_idx', table: 'articles', columns: ['publication_date'] },
  // newest first among published rows: a partial index both databases walk in date order and
  // stop after one page (with published_at in the key, `published_at IS NOT NULL` is a range
  // and every published row was sorted: ~0.5 s per page at 100,000 articles on SQLite)
  { name: 'novinar_articles_published_date_idx', table: 'articles', columns: ['locale', 'publication_date', 'document_id'], publishedOnly: true },
  // breaking/featured feeds (`latest?flag=`): newest first among the flagged published rows, so
  // a rare flag does not walk every story; and the cache's clock of flag ends (src/flags)
  { name: 'novinar_articles_breaking_date_idx', table: 'articles', columns: ['locale', 'breaking', 'publication_date', 'document_id'], publishedOnly: true },
  { name: 'novinar_articles_featured_date_idx', table: 'articles', columns: ['locale', 'featured', 'publication_date', 'document_id'], publishedOnly: true },
  { name: 'novinar_articles_breaking_until_idx', table: 'articles', columns: ['breaking', 'breaking_until'], publishedOnly: true },
  { name: 'novinar_articles_featured_until_idx', table: 'articles', columns: ['featured', 'featured_until'], publishedOnly: true },
  // connecting an article to a tag or section: Strapi reads max(article_ord) per tag/section,
  // which without these reads every link row of a popular tag (tens of ms at 100,000 articles)
  { name: 'novinar_articles_tags_lnk_tag_ord_idx', table: 'articles_tags_lnk', columns: ['tag_id', 'article_ord'] },
  { name: 'novinar_articles_section_lnk_section_ord_idx', table: 'articles_section_lnk', columns: ['section_id', 'article_ord'] },
  // comment threads and counts: article + locale + status
  { name: 'novinar_comments_article_status_idx', table: 'comments', columns: ['article_document_id', 'locale', 'moderation_status', 'created_at'] },
  { name: 'novinar_comments_author_status_idx', table: 'comments', columns: ['author_email', 'moderation_status'] },
];

export async function ensurePublicApiIndexes(knex: Knex): Promise<void> {
  for (const index of PUBLIC_API_INDEXES) {
    if (!(await knex.schema.hasTable(index.table))) continue;
    const columns = index.columns.map((column) => knex.raw('??', [column]).toQuery()).join(', ');
    const where = index.publishedOnly ? ' WHERE published_at IS NOT NULL' : '';
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns})${where}`, [index.name, index.table]);
  }
}
