import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { ARTICLE, TEASER } from '../uids';
import { inTransaction } from '../slugs/slug-registry';
import type { JoinTable } from '../database/sql';

/** Set while the app itself writes a teaser, so the write is not mistaken for an editor's edit. */
const syncing = new AsyncLocalStorage<boolean>();

export const isSyncingTeaser = (): boolean => syncing.getStore() === true;

interface ArticleRow { title: string; lede?: string | null; cover?: { id: number } | null }
interface TeaserRow { documentId: string; syncWithArticle?: boolean | null; publishedAt?: string | null }


/**
 * The draft teaser of an article variant. Written in SQL from the article side: the query
 * engine's `teaser.article.documentId` filter starts from the teasers table (a LEFT JOIN that
 * SQLite runs as a scan of every teaser, ~300 ms at 100,000 articles); here the article's
 * document id index drives the join.
 */
async function findTeaser(strapi: Core.Strapi, documentId: string, locale: string): Promise<TeaserRow | null> {
  const articles = strapi.db.metadata.get(ARTICLE);
  const teasers = strapi.db.metadata.get(TEASER);
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
      const created = await teasers.create({ locale, data: { ...data, article: documentId, syncWithArticle: true } as never });
      await teasers.publish({ documentId: created.documentId, locale });
      return;
    }
    if (existing.syncWithArticle) await teasers.update({ documentId: existing.documentId, locale, data: data as never });
    await teasers.publish({ documentId: existing.documentId, locale });
  });
}

/** Unpublishing or deleting an article takes its teaser out of every feed. */
export async function unpublishTeaser(strapi: Core.Strapi, documentId: string, locale: string): Promise<void> {
  const existing = await findTeaser(strapi, documentId, locale);
  if (!existing) return;
  await syncing.run(true, () => strapi.documents(TEASER).unpublish({ documentId: existing.documentId, locale }));
}
