import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { withReader } from '../database/reader';
import { isoFromDb, tableOf, type JoinTable } from '../database/sql';
import { readRelationUnion } from '../database/relation-union';
import { mediaKey, readMediaFiles, type MediaFile } from '../database/media-files';
import { onPublicArticle, publicReadMoment, wherePublicArticleForRequest } from '../visibility';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TEASER } from '../uids';
import type { FlagValues } from '../domain/flags';

/**
 * What a card is made of, read with three indexed SQL statements for any number of articles (rows, their
 * agency/section/authors/teaser in one UNION ALL, media).
 *
 * Written by hand because cards are on every page: the Document Service query with four
 * populated relations, the nested teaser image and the release filters on each of them cost
 * ~10 ms of CPU per feed and dominated the uncached related feed. The rules are the ones the
 * Document Service applies (`cardsFor` before, and the tests comparing REST with GraphQL and the
 * visibility tests still hold them): published rows of the locale; released stories only
 * for content-API requests (src/visibility); the article's published teaser and its image, or else the article's own cover.
 */

export interface Media {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  formats?: unknown;
}
/** A byline on a card: a published author of the story. */
export interface CardAuthor {
  documentId: string;
  name: string;
  slug: string;
}
export interface CardSource {
  documentId: string;
  locale: string;
  title: string;
  lede?: string | null;
  slug: string;
  publicationDate?: string | null;
  flags?: FlagValues;
  cover?: Media | null;
  sourceAgency?: { creditLine?: string | null } | null;
  section?: { name: string; slug: string } | null;
  authors?: ReadonlyArray<CardAuthor> | null;
  teaser?: { title?: string | null; lede?: string | null; image?: Media | null } | null;
}

interface AttributeMeta {
  columnName?: string;
  joinTable?: JoinTable;
}

/** A card shows a file's url, alternative text, size and formats. */
const cardMedia = (file: MediaFile | undefined): Media | null =>
  file ? { url: file.url, alternativeText: file.alternativeText, width: file.width, height: file.height, formats: file.formats } : null;

interface ArticleRow {
  id: number;
  document_id: string;
  locale: string;
  title: string;
  lede: string | null;
  slug: string;
  publication_date: string | number | Date | null;
  breaking: unknown;
  breaking_until: string | number | Date | null;
  featured: unknown;
  featured_until: string | number | Date | null;
}

export function createCardSourceReader(strapi: Core.Strapi) {
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, AttributeMeta> };
  const articles = meta(ARTICLE);
  const teasers = meta(TEASER);
  const link = (name: string) => articles.attributes[name]?.joinTable as JoinTable;
  const column = (attributes: Record<string, AttributeMeta>, name: string) => attributes[name]?.columnName ?? name;

  /** Published (and, for public requests, released) article rows of `locale`, by document id. */
  function publicArticles(db: Knex | Knex.Transaction, locale: string) {
    return wherePublicArticleForRequest(strapi, db(`${articles.tableName} as a`).where('a.locale', locale), 'a');
  }

  /** Card sources of the given articles (any order; missing and invisible ones are left out). */
  async function load(documentIds: readonly string[], locale: string): Promise<CardSource[]> {
    if (documentIds.length === 0) return [];
    return withReader(strapi, async (db) => {
      const rows = (await publicArticles(db, locale)
        .whereIn('a.document_id', [...documentIds])
        .select('a.id', 'a.document_id', 'a.locale', 'a.title', 'a.lede', 'a.slug', {
          publication_date: `a.${column(articles.attributes, 'publicationDate')}`,
          // Breaking/featured flags: the card shows the ones active when it is read (src/domain/flags).
          breaking: `a.${column(articles.attributes, 'breaking')}`,
          breaking_until: `a.${column(articles.attributes, 'breakingUntil')}`,
          featured: `a.${column(articles.attributes, 'featured')}`,
          featured_until: `a.${column(articles.attributes, 'featuredUntil')}`,
        })) as ArticleRow[];
      if (rows.length === 0) return [];
      const ids = rows.map((row) => row.id);
      // Agency, section, published authors and published teaser of every article in one UNION ALL statement
      // (`database/relation-union.ts`); bylines keep the editor's order.
      const parts = [
        { link: link('sourceAgency'), table: tableOf(strapi, SOURCE_AGENCY), columns: { credit_line: 'credit_line' } },
        { link: link('section'), table: tableOf(strapi, SECTION), columns: { name: 'name', slug: 'slug' } },
        { link: link('authors'), table: tableOf(strapi, AUTHOR), columns: { name: 'name', slug: 'slug' }, publishedOnly: true },
        { link: link('teaser'), table: teasers.tableName, columns: { title: 'title', lede: 'lede' }, publishedOnly: true },
      ];
      const part = { agency: 0, section: 1, authors: 2, teaser: 3 } as const; // indexes into `parts`
      const linked = (await readRelationUnion(db, ids, ['credit_line', 'name', 'slug', 'title', 'lede'] as const, parts)) as Array<{
        rel: number;
        owner: number;
        id: number;
        document_id: string;
        credit_line: string | null;
        name: string;
        slug: string;
        title: string | null;
        lede: string | null;
      }>;
      const agencies = linked.filter((row) => row.rel === part.agency);
      const sections = linked.filter((row) => row.rel === part.section);
      const teaserRows = linked.filter((row) => row.rel === part.teaser);
      const authorsOf = new Map<number, CardAuthor[]>();
      for (const row of linked.filter((candidate) => candidate.rel === part.authors)) {
        authorsOf.set(row.owner, [...(authorsOf.get(row.owner) ?? []), { documentId: row.document_id, name: row.name, slug: row.slug }]);
      }
      const first = <T extends { owner: number }>(list: T[]) => {
        const byOwner = new Map<number, T>();
        for (const item of list) if (!byOwner.has(item.owner)) byOwner.set(item.owner, item);
        return byOwner;
      };
      const agencyOf = first(agencies);
      const sectionOf = first(sections);
      const teaserOf = first(teaserRows);
      const media = await readMediaFiles(strapi, db, [
        { type: ARTICLE, field: 'cover', ids },
        { type: TEASER, field: 'image', ids: [...teaserOf.values()].map((teaser) => teaser.id) },
      ]);
      return rows.map((row): CardSource => {
        const teaser = teaserOf.get(row.id);
        const section = sectionOf.get(row.id);
        const agency = agencyOf.get(row.id);
        return {
          documentId: row.document_id,
          locale: row.locale,
          title: row.title,
          lede: row.lede,
          slug: row.slug,
          publicationDate: isoFromDb(row.publication_date),
          flags: { breaking: row.breaking, breakingUntil: isoFromDb(row.breaking_until), featured: row.featured, featuredUntil: isoFromDb(row.featured_until) },
          cover: cardMedia(media.get(mediaKey(ARTICLE, row.id))),
          sourceAgency: agency ? { creditLine: agency.credit_line } : null,
          section: section ? { name: section.name, slug: section.slug } : null,
          authors: authorsOf.get(row.id) ?? [],
          teaser: teaser ? { title: teaser.title, lede: teaser.lede, image: cardMedia(media.get(mediaKey(TEASER, teaser.id))) } : null,
        };
      });
    });
  }

  /**
   * The published, released article holding `slug` with its editor's picks in the editor's
   * order (public picks only), or null.
   */
  async function articleWithPicks(slug: string, locale: string): Promise<{ documentId: string; relatedArticles: Array<{ documentId: string }> } | null> {
    return withReader(strapi, async (db) => {
      const at = publicReadMoment(strapi);
      const picks = link('relatedArticles');
      const ordering = picks.orderColumnName ?? `${picks.joinColumn.name.replace(/_id$/, '')}_ord`;
      // The article and its published picks in one statement (a row per pick, or one without).
      const rows = (await publicArticles(db, locale)
        .where('a.slug', slug)
        .leftJoin(`${picks.name} as l`, `l.${picks.joinColumn.name}`, 'a.id')
        // Only public picks: an embargoed pick must not even shape the feed (its fingerprint
        // would hide a public near-copy of it).
        .leftJoin(`${articles.tableName} as p`, function pickRow() {
          onPublicArticle(this.on('p.id', '=', `l.${picks.inverseJoinColumn.name}`), 'p', at, db);
        })
        .orderBy(`l.${ordering}`, 'asc')
        .orderBy('l.id', 'asc')
        .select({ id: 'a.id', document_id: 'a.document_id', pick: 'p.document_id' })) as Array<{ id: number; document_id: string; pick: string | null }>;
      const article = rows[0];
      if (!article) return null;
      return { documentId: article.document_id, relatedArticles: rows.filter((row) => row.pick !== null).map((row) => ({ documentId: row.pick as string })) };
    });
  }

  return { load, articleWithPicks };
}
