import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { ARTICLE, TEASER } from '../uids';
import { inTransaction } from '../database/transaction';
import type { JoinTable } from '../database/sql';

/** Set while the app itself writes a teaser, so the write is not mistaken for an editor's edit. */
const syncing = new AsyncLocalStorage<boolean>();

export const isSyncingTeaser = (): boolean => syncing.getStore() === true;

interface ArticleRow {
  title: string;
  lede?: string | null;
  cover?: { id: number } | null;
}
interface TeaserRow {
  documentId: string;
  syncWithArticle?: boolean | null;
  publishedAt?: string | null;
}

/**
 * The draft teaser of an article variant. Written in SQL from the article side: the query
 * engine's `teaser.article.documentId` filter starts from the teasers table (a LEFT JOIN that
 * SQLite runs as a scan of every teaser, ~300 ms at 100,000 articles); here the article's
 * document id index drives the join.
 */
async function findTeaser(strapi: Core.Strapi, documentId: string, locale: string): Promise<TeaserRow | null> {
  const articles = strapi.db.metadata.get(ARTICLE);
  const teasers = strapi.db.metadata.get(TEASER);
  // Cast: Strapi's attribute metadata type leaves out joinTable/columnName, which the database layer sets.
  const link = (articles.attributes.teaser as unknown as { joinTable: JoinTable }).joinTable;
  const row = (await inTransaction(strapi, (trx) =>
    trx(`${teasers.tableName} as t`)
      .join(`${link.name} as l`, `l.${link.inverseJoinColumn.name}`, 't.id')
      .join(`${articles.tableName} as a`, 'a.id', `l.${link.joinColumn.name}`)
      .where('a.document_id', documentId)
      .andWhere('t.locale', locale)
      .whereNull('t.published_at')
      .first('t.document_id', 't.sync_with_article'),
  )) as { document_id: string; sync_with_article: boolean | number | null } | undefined;
  return row ? { documentId: row.document_id, syncWithArticle: row.sync_with_article === true || row.sync_with_article === 1 } : null;
}

/**
 * Every published article has a teaser in each of its locales: one is made from the
 * article's title, lede and cover when the editor made none, and kept in step on every
 * publish while `syncWithArticle` is on. An editor's edit turns it off (teaser-ownership
 * middleware), and from then on their wording wins.
 */
export async function syncTeaser(strapi: Core.Strapi, documentId: string, locale: string): Promise<void> {
  const article = (await strapi.db.query(ARTICLE).findOne({
    where: { documentId, locale, publishedAt: { $notNull: true } },
    select: ['title', 'lede'],
    populate: { cover: { select: ['id'] } },
  })) as ArticleRow | null;
  if (!article) return;
  const data = { title: article.title, lede: article.lede ?? null, image: article.cover?.id ?? null };
  await syncing.run(true, async () => {
    const teasers = strapi.documents(TEASER);
    const existing = await findTeaser(strapi, documentId, locale);
    if (!existing) {
      // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
      const created = await teasers.create({ locale, data: { ...data, article: documentId, syncWithArticle: true } as never });
      await teasers.publish({ documentId: created.documentId, locale });
      return;
    }
    // Cast: The generated Document Service params reject an object composed at run time; Strapi validates it when called.
    if (existing.syncWithArticle) await teasers.update({ documentId: existing.documentId, locale, data: data as never });
    await teasers.publish({ documentId: existing.documentId, locale });
  });
}

/** The teaser of an article variant, looked up while the article's rows (and their link to it) still exist. */
export async function teaserOf(strapi: Core.Strapi, documentId: string, locale: string): Promise<{ documentId: string; syncWithArticle: boolean } | null> {
  const found = await findTeaser(strapi, documentId, locale);
  return found ? { documentId: found.documentId, syncWithArticle: found.syncWithArticle === true } : null;
}

/**
 * Takes an article's teaser out of every feed when the article goes: unpublished with it, or,
 * when the article is deleted, deleted too if the app made it (`syncWithArticle`: a copy of
 * the article's own wording that nobody wrote) and unpublished if an editor wrote it, so
 * their wording survives as a draft. The teaser must have been found before the article's
 * rows were deleted: its link to the article goes with them.
 */
export async function takeDownTeaser(
  strapi: Core.Strapi,
  teaser: { documentId: string; syncWithArticle: boolean } | null,
  locale: string,
  articleDeleted: boolean,
): Promise<void> {
  if (!teaser) return;
  const teasers = strapi.documents(TEASER);
  await syncing.run(true, async () => {
    if (articleDeleted && teaser.syncWithArticle) await teasers.delete({ documentId: teaser.documentId, locale });
    else await teasers.unpublish({ documentId: teaser.documentId, locale });
  });
}
