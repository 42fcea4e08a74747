import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { withReader } from '../database/reader';
import { isoFromDb as iso, jsonFromDb as json, MEDIA_LINKS_TABLE as MEDIA_LINKS, rowsOf, tableOf, type JoinTable } from '../database/sql';
import { wherePublicArticleForRequest } from '../visibility';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG, TEASER, UPLOAD_FILE } from '../uids';
import { approvedCountSql } from '../comments/comment-counts';
import { activeFlags } from '../domain/flags';
import { now } from '../clock';
import { readCorrections } from '../corrections/read-corrections';

/**
 * The public article response of `GET /api/articles/by-slug/:slug`, read with three indexed SQL
 * statements: the article row by the slug index (with its approved-comment count), its
 * relations (authors, agency, cited agencies, tags, section, teaser) in one UNION ALL over their link
 * tables, the cover and teaser image, and the correction notes; plus the breaking/featured flags
 * active now (never the stored values: an expired flag is not shown).
 *
 * Written by hand for the same reason as the card reader (`cards/card-sources.ts`): the
 * Document Service query with six populated relations, the release filters on each and the
 * output sanitizer took ~8 ms of CPU per request, 0.55× Strapi's own filter-by-slug. Only
 * public fields are selected (the entry holds nothing private: no createdBy/updatedBy), so no
 * sanitizer pass is needed; a test compares the result with the Document Service + sanitizer
 * reading field by field on SQLite and PostgreSQL. Former slugs and misses are left to the
 * registry (`slugs/find-by-slug.ts` `findFormerSlug`): 301 or 404 over REST. This entry is the
 * article of the one by-slug answer (the article service's `findPageBySlug`), REST and GraphQL.
 */

type Row = Record<string, unknown>;
type Db = Knex | Knex.Transaction;

const bool = (value: unknown): boolean | null => (value === null || value === undefined ? null : value === true || value === 1 || value === '1' || value === 't');

export function createPublicArticleReader(strapi: Core.Strapi) {
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const article = strapi.db.metadata.get(ARTICLE as never) as unknown as { tableName: string; attributes: Record<string, { joinTable?: JoinTable }> };
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const teaserTable = (strapi.db.metadata.get(TEASER as never) as unknown as { tableName: string }).tableName;
  const link = (name: string) => article.attributes[name]?.joinTable as JoinTable;

  /** Columns every part of the relations query returns (NULL where a target has no such column). */
  const RELATION_COLUMNS = ['id', 'document_id', 'name', 'slug', 'credit_line', 'url', 'kind', 'title', 'lede', 'role'] as const;
  const RELATIONS: ReadonlyArray<{ name: string; table: () => string; columns: ReadonlyArray<(typeof RELATION_COLUMNS)[number]>; publishedOnly?: boolean }> = [
    { name: 'authors', table: () => tableOf(strapi, AUTHOR), columns: ['id', 'document_id', 'name', 'slug', 'role'], publishedOnly: true },
    { name: 'sourceAgency', table: () => tableOf(strapi, SOURCE_AGENCY), columns: ['id', 'document_id', 'name', 'slug', 'credit_line', 'url', 'kind'] },
    { name: 'citedAgencies', table: () => tableOf(strapi, SOURCE_AGENCY), columns: ['id', 'document_id', 'name', 'slug', 'credit_line', 'url', 'kind'] },
    { name: 'tags', table: () => tableOf(strapi, TAG), columns: ['id', 'document_id', 'name', 'slug'] },
    { name: 'section', table: () => tableOf(strapi, SECTION), columns: ['id', 'document_id', 'name', 'slug'] },
    { name: 'teaser', table: () => teaserTable, columns: ['id', 'document_id', 'slug', 'url', 'title', 'lede'], publishedOnly: true },
  ];

  /**
   * Every relation of the article in one statement (UNION ALL of one SELECT per link table),
   * each row tagged with its relation and position: one round trip instead of five.
   */
  async function relations(db: Db, ownerId: number): Promise<Map<string, Row[]>> {
    const parts = RELATIONS.map((relation, index) => {
      const join = link(relation.name);
      const order = join.orderColumnName ? `l.${join.orderColumnName}` : 'l.id';
      const columns = RELATION_COLUMNS.map((column) => (relation.columns.includes(column) ? `x.${column} AS ${column}` : `CAST(NULL AS ${column === 'id' ? 'INTEGER' : 'VARCHAR(255)'}) AS ${column}`));
      const published = relation.publishedOnly ? ' AND x.published_at IS NOT NULL' : '';
      return db
        .raw(
          `SELECT ${index} AS rel, ${order} AS ord, l.id AS link_id, ${columns.join(', ')} ` +
            `FROM ${join.name} l JOIN ${relation.table()} x ON x.id = l.${join.inverseJoinColumn.name} WHERE l.${join.joinColumn.name} = ?${published}`,
          [ownerId],
        )
        .toQuery();
    });
    const result = (await db.raw(`${parts.join(' UNION ALL ')} ORDER BY rel, ord, link_id`)) as unknown;
    const rows = rowsOf<Row>(result);
    const byRelation = new Map<string, Row[]>(RELATIONS.map((relation) => [relation.name, []]));
    for (const row of rows) byRelation.get((RELATIONS[Number(row.rel)] as { name: string }).name)?.push(row);
    return byRelation;
  }

  /** The cover of the article and the image of its teaser, in one statement. */
  async function media(db: Db, articleId: number, teaserId: number | null): Promise<{ cover: Row | null; teaserImage: Row | null }> {
    const rows = (await db(`${MEDIA_LINKS} as m`)
      .join(`${tableOf(strapi, UPLOAD_FILE)} as f`, 'f.id', 'm.file_id')
      .where((owners) => {
        void owners.where({ 'm.related_type': ARTICLE, 'm.field': 'cover', 'm.related_id': articleId });
        if (teaserId !== null) void owners.orWhere({ 'm.related_type': TEASER, 'm.field': 'image', 'm.related_id': teaserId });
      })
      .orderBy('m.order', 'asc')
      .select('m.related_type', 'f.id', 'f.document_id', 'f.url', 'f.alternative_text', 'f.caption', 'f.width', 'f.height', 'f.formats', 'f.mime')) as Row[];
    const shape = (row: Row | undefined, full: boolean): Row | null =>
      row
        ? {
            id: row.id,
            documentId: row.document_id,
            url: row.url,
            alternativeText: row.alternative_text ?? null,
            ...(full ? { caption: row.caption ?? null } : {}),
            width: row.width ?? null,
            height: row.height ?? null,
            formats: json(row.formats),
            ...(full ? { mime: row.mime } : {}),
          }
        : null;
    return {
      cover: shape(rows.find((row) => row.related_type === ARTICLE), true),
      teaserImage: shape(rows.find((row) => row.related_type === TEASER), false),
    };
  }

  const agency = (row: Row) => ({ id: row.id, documentId: row.document_id, name: row.name, creditLine: row.credit_line ?? null, slug: row.slug, url: row.url ?? null, kind: row.kind ?? null });

  /** The published (and, for public requests, released) article holding `slug`, as the public response entry; null when there is none. */
  async function bySlug(slug: string, locale: string): Promise<Row | null> {
    return withReader(strapi, async (db) => {
      const query = wherePublicArticleForRequest(strapi, db(`${article.tableName} as a`).where({ 'a.slug': slug, 'a.locale': locale }), 'a');
      const fields = ['id', 'document_id', 'title', 'slug', 'lede', 'body', 'cover_caption', 'meta_title', 'meta_description', 'publication_date', 'updated_date', 'comments_enabled', 'created_at', 'updated_at', 'published_at', 'locale', 'breaking', 'breaking_until', 'featured', 'featured_until'];
      const row = (await query.first(...fields.map((field) => `a.${field}`), db.raw(`${approvedCountSql(strapi, 'a')} AS comment_count`))) as Row | undefined;
      if (!row) return null;
      const id = row.id as number;
      const linked = await relations(db, id);
      const agencies = linked.get('sourceAgency') ?? [];
      const cited = linked.get('citedAgencies') ?? [];
      const tags = linked.get('tags') ?? [];
      const authors = linked.get('authors') ?? [];
      const sections = linked.get('section') ?? [];
      const teasers = linked.get('teaser') ?? [];
      const teaser = teasers[0];
      const section = sections[0];
      const { cover, teaserImage } = await media(db, id, teaser ? (teaser.id as number) : null);
      const corrections = await readCorrections(strapi, db, id);
      return {
        id,
        documentId: row.document_id,
        title: row.title,
        slug: row.slug,
        lede: row.lede ?? null,
        body: json(row.body),
        coverCaption: row.cover_caption ?? null,
        metaTitle: row.meta_title ?? null,
        metaDescription: row.meta_description ?? null,
        publicationDate: iso(row.publication_date),
        updatedDate: iso(row.updated_date),
        commentsEnabled: bool(row.comments_enabled),
        createdAt: iso(row.created_at),
        updatedAt: iso(row.updated_at),
        publishedAt: iso(row.published_at),
        locale: row.locale,
        sourceAgency: agencies[0] ? agency(agencies[0]) : null,
        authors: authors.map((author) => ({ id: author.id, documentId: author.document_id, name: author.name, slug: author.slug, role: author.role ?? null })),
        citedAgencies: cited.map(agency),
        tags: tags.map((tag) => ({ id: tag.id, documentId: tag.document_id, name: tag.name, slug: tag.slug })),
        section: section ? { id: section.id, documentId: section.document_id, name: section.name, slug: section.slug } : null,
        cover,
        teaser: teaser
          ? {
              id: teaser.id,
              documentId: teaser.document_id,
              title: teaser.title ?? null,
              lede: teaser.lede ?? null,
              slug: teaser.slug ?? null,
              url: teaser.url ?? null,
              image: teaserImage,
            }
          : null,
        corrections,
        flags: activeFlags({ breaking: row.breaking, breakingUntil: iso(row.breaking_until), featured: row.featured, featuredUntil: iso(row.featured_until) }, now()),
        commentCount: Number(row.comment_count ?? 0),
      };
    });
  }

  return { bySlug };
}
