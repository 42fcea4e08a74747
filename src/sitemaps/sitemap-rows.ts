import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { withReader } from '../database/reader';
import { readPrepared } from '../database/prepared';
import { isoFromDb, type JoinTable } from '../database/sql';
import { onPublicArticle, publicReadMoment, wherePublicArticleForRequest } from '../visibility';
import { ARTICLE, AUTHOR, SECTION, TAG } from '../uids';

/**
 * What the sitemaps list, read in SQL (a sitemap holds up to 50,000 URLs, far beyond what the
 * Document Service populates in reasonable time). Every article read goes through the
 * visibility module (`wherePublicArticleForRequest`, `onPublicArticle`): published rows, released
 * for the public request being served, so drafts and embargoed stories, and draft variants of a
 * public story, never become URLs or hreflang alternates.
 */

type Db = Knex | Knex.Transaction;
interface Meta {
  tableName: string;
  attributes: Record<string, { joinTable?: JoinTable }>;
}

export interface Variant {
  locale: string;
  slug: string;
}
export interface ArticleEntry {
  documentId: string;
  slug: string;
  lastmod: Date | null;
  variants: Variant[];
}
export interface NewsEntry {
  locale: string;
  slug: string;
  title: string;
  published: Date;
}
export interface PageEntry {
  locale: string;
  slug: string;
  documentId: string;
  variants: Variant[];
}

const date = (value: unknown): Date | null => {
  const iso = isoFromDb(value);
  return iso ? new Date(iso) : null;
};

export function createSitemapReader(strapi: Core.Strapi) {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as Meta;
  const articles = meta(ARTICLE);
  const link = (name: string) => articles.attributes[name]?.joinTable as JoinTable;
  const publicArticles = (db: Db, alias = 'a') => wherePublicArticleForRequest(strapi, db(`${articles.tableName} as ${alias}`), alias);

  /** Public article count per locale. */
  async function articleCounts(): Promise<Map<string, number>> {
    return withReader(strapi, async (db) => {
      const rows = (await readPrepared(strapi, db, publicArticles(db).select('a.locale').count({ n: '*' }).groupBy('a.locale'))) as Array<{
        locale: string;
        n: number | string;
      }>;
      return new Map(rows.map((row) => [row.locale, Number(row.n)]));
    });
  }

  /** One page of a locale's public articles, newest first, each with its public variants in every locale. */
  async function articlePage(locale: string, offset: number, limit: number): Promise<ArticleEntry[]> {
    return withReader(strapi, async (db) => {
      const page = publicArticles(db)
        .where('a.locale', locale)
        .orderBy([
          { column: 'a.publication_date', order: 'desc' },
          { column: 'a.document_id', order: 'desc' },
        ])
        .offset(offset)
        .limit(limit)
        .select('a.document_id', 'a.slug', 'a.publication_date', 'a.updated_date');
      const at = publicReadMoment(strapi);
      const rows = (await readPrepared(
        strapi,
        db,
        db
          .from(page.as('p'))
          .leftJoin(`${articles.tableName} as v`, (join) => {
            void join.on('v.document_id', '=', 'p.document_id');
            onPublicArticle(join, 'v', at, db);
          })
          .select('p.document_id', 'p.slug', 'p.publication_date', 'p.updated_date', { v_locale: 'v.locale', v_slug: 'v.slug' })
          .orderBy([
            { column: 'p.publication_date', order: 'desc' },
            { column: 'p.document_id', order: 'desc' },
          ]),
      )) as Array<Record<string, unknown>>;
      const byId = new Map<string, ArticleEntry>();
      for (const row of rows) {
        const documentId = String(row.document_id);
        let entry = byId.get(documentId);
        if (!entry) {
          const published = date(row.publication_date);
          const updated = date(row.updated_date);
          entry = {
            documentId,
            slug: String(row.slug),
            lastmod: updated && published && updated < published ? published : (updated ?? published),
            variants: [],
          };
          byId.set(documentId, entry);
        }
        if (row.v_locale) entry.variants.push({ locale: String(row.v_locale), slug: String(row.v_slug) });
      }
      // In the page's order: the outer query sorts like the page, and a Map keeps insertion order.
      return [...byId.values()];
    });
  }

  /** Public stories of every locale published since `since`, newest first. */
  async function newsSince(since: Date, limit: number): Promise<NewsEntry[]> {
    return withReader(strapi, async (db) => {
      const rows = (await readPrepared(
        strapi,
        db,
        publicArticles(db)
          .where('a.publication_date', '>=', since)
          .orderBy([
            { column: 'a.publication_date', order: 'desc' },
            { column: 'a.document_id', order: 'desc' },
          ])
          .limit(limit)
          .select('a.locale', 'a.slug', 'a.title', 'a.publication_date'),
      )) as Array<Record<string, unknown>>;
      return rows.map((row) => ({
        locale: String(row.locale),
        slug: String(row.slug),
        title: String(row.title),
        published: date(row.publication_date) as Date,
      }));
    });
  }

  /**
   * Rows of a taxonomy type (sections, tags, published authors), each with its variants in the
   * other locales; with `withStoriesVia`, only those credited on at least one public story of
   * their locale (a tag or author page without stories is not worth a crawler's visit).
   */
  async function pages(uid: string, options: { publishedOnly?: boolean; withStoriesVia?: string }): Promise<PageEntry[]> {
    return withReader(strapi, async (db) => {
      const table = meta(uid).tableName;
      const query = db(`${table} as t`).select('t.document_id', 't.locale', 't.slug').whereNotNull('t.slug');
      if (options.publishedOnly) void query.whereNotNull('t.published_at');
      if (options.withStoriesVia) {
        const join = link(options.withStoriesVia);
        void query.whereExists((exists) => {
          void wherePublicArticleForRequest(
            strapi,
            exists.from(`${join.name} as l`).join(`${articles.tableName} as a`, 'a.id', `l.${join.joinColumn.name}`),
            'a',
          )
            .whereRaw(`l.${join.inverseJoinColumn.name} = t.id`)
            .select(db.raw('1'));
        });
      }
      const rows = (await readPrepared(strapi, db, query.orderBy([{ column: 't.locale' }, { column: 't.slug' }]))) as Array<{
        document_id: string;
        locale: string;
        slug: string;
      }>;
      const variants = new Map<string, Variant[]>();
      for (const row of rows) variants.set(row.document_id, [...(variants.get(row.document_id) ?? []), { locale: row.locale, slug: row.slug }]);
      return rows.map((row) => ({ documentId: row.document_id, locale: row.locale, slug: row.slug, variants: variants.get(row.document_id) ?? [] }));
    });
  }

  return {
    articleCounts,
    articlePage,
    newsSince,
    sections: () => pages(SECTION, {}),
    tags: () => pages(TAG, { withStoriesVia: 'tags' }),
    authors: () => pages(AUTHOR, { publishedOnly: true, withStoriesVia: 'authors' }),
  };
}
