import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { withReader } from '../database/reader';
import { isoFromDb, jsonFromDb, MEDIA_LINKS_TABLE, rowsOf, tableOf, type JoinTable } from '../database/sql';
import { onPublicArticle, publicReadMoment, wherePublicArticleForRequest } from '../visibility';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TEASER, UPLOAD_FILE } from '../uids';
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

/** Strapi 5's polymorphic link of media fields (`files_related_mph`). */
const MEDIA_LINKS = { table: MEDIA_LINKS_TABLE, file: 'file_id', owner: 'related_id', type: 'related_type', field: 'field', order: 'order' };

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
interface MediaRow {
  owner: number;
  type: string;
  url: string;
  alternative_text: string | null;
  width: number | null;
  height: number | null;
  formats: unknown;
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

  async function mediaOf(db: Knex | Knex.Transaction, owners: Array<{ type: string; field: string; ids: number[] }>): Promise<Map<string, Media>> {
    const found = new Map<string, Media>();
    const wanted = owners.filter((owner) => owner.ids.length > 0);
    if (wanted.length === 0) return found;
    const rows = (await db(`${MEDIA_LINKS.table} as m`)
      .join(`${tableOf(strapi, UPLOAD_FILE)} as f`, 'f.id', `m.${MEDIA_LINKS.file}`)
      .select({ owner: `m.${MEDIA_LINKS.owner}`, type: `m.${MEDIA_LINKS.type}` }, 'f.url', 'f.alternative_text', 'f.width', 'f.height', 'f.formats')
      .where((query) => {
        for (const owner of wanted) {
          void query.orWhere((one) =>
            one.where(`m.${MEDIA_LINKS.type}`, owner.type).andWhere(`m.${MEDIA_LINKS.field}`, owner.field).whereIn(`m.${MEDIA_LINKS.owner}`, owner.ids),
          );
        }
      })
      .orderBy(`m.${MEDIA_LINKS.order}`, 'asc')) as MediaRow[];
    for (const row of rows) {
      const key = `${row.type}:${row.owner}`;
      if (!found.has(key))
        found.set(key, { url: row.url, alternativeText: row.alternative_text, width: row.width, height: row.height, formats: jsonFromDb(row.formats) });
    }
    return found;
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
      // Agency, section, published authors and published teaser of every article in one UNION ALL statement.
      const part = (rel: string, name: string, table: string, columns: Record<string, string | null>, extra = '') => {
        const join = link(name);
        const select = Object.entries(columns).map(([alias, source]) => (source ? `x.${source} AS ${alias}` : `CAST(NULL AS VARCHAR(255)) AS ${alias}`));
        // Bylines keep the editor's order (the link table's order column); the rest have one row each.
        const ord = join.orderColumnName ? `l.${join.orderColumnName}` : 'l.id';
        return db
          .raw(
            `SELECT '${rel}' AS rel, l.${join.joinColumn.name} AS owner, ${ord} AS ord, l.id AS link_id, x.id AS id, x.document_id AS document_id, ${select.join(', ')} ` +
              `FROM ${join.name} l JOIN ${table} x ON x.id = l.${join.inverseJoinColumn.name} ` +
              `WHERE l.${join.joinColumn.name} IN (${ids.map(() => '?').join(', ')})${extra}`,
            ids,
          )
          .toQuery();
      };
      const sql = [
        part('agency', 'sourceAgency', tableOf(strapi, SOURCE_AGENCY), { credit_line: 'credit_line', name: null, slug: null, title: null, lede: null }),
        part('section', 'section', tableOf(strapi, SECTION), { credit_line: null, name: 'name', slug: 'slug', title: null, lede: null }),
        part(
          'author',
          'authors',
          tableOf(strapi, AUTHOR),
          { credit_line: null, name: 'name', slug: 'slug', title: null, lede: null },
          ' AND x.published_at IS NOT NULL',
        ),
        part(
          'teaser',
          'teaser',
          teasers.tableName,
          { credit_line: null, name: null, slug: null, title: 'title', lede: 'lede' },
          ' AND x.published_at IS NOT NULL',
        ),
      ].join(' UNION ALL ');
      const result = (await db.raw(`${sql} ORDER BY ord, link_id`)) as unknown;
      const linked = rowsOf<{
        rel: string;
        owner: number;
        id: number;
        document_id: string;
        credit_line: string | null;
        name: string;
        slug: string;
        title: string | null;
        lede: string | null;
      }>(result);
      const agencies = linked.filter((row) => row.rel === 'agency');
      const sections = linked.filter((row) => row.rel === 'section');
      const teaserRows = linked.filter((row) => row.rel === 'teaser');
      const authorsOf = new Map<number, CardAuthor[]>();
      for (const row of linked.filter((candidate) => candidate.rel === 'author')) {
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
      const media = await mediaOf(db, [
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
          cover: media.get(`${ARTICLE}:${row.id}`) ?? null,
          sourceAgency: agency ? { creditLine: agency.credit_line } : null,
          section: section ? { name: section.name, slug: section.slug } : null,
          authors: authorsOf.get(row.id) ?? [],
          teaser: teaser ? { title: teaser.title, lede: teaser.lede, image: media.get(`${TEASER}:${teaser.id}`) ?? null } : null,
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
