import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { withReader } from '../database/reader';
import { isoFromDb as iso, jsonFromDb as json, tableOf, type JoinTable } from '../database/sql';
import { readRelationUnion } from '../database/relation-union';
import { mediaKey, readMediaFiles } from '../database/media-files';
import { wherePublicArticleForRequest } from '../visibility';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../uids';
import { approvedCountSql } from '../comments/comment-counts';
import { activeFlags } from '../domain/flags';
import { now } from '../clock';
import { readCorrections } from '../corrections/read-corrections';

/**
 * The public article response of `GET /api/articles/by-slug/:slug`, read with four indexed SQL
 * statements: the article row by the slug index (with its approved-comment count), its
 * relations (authors, agency, cited agencies, tags, section, teaser) in one UNION ALL over their link
 * tables (`database/relation-union.ts`), the cover and teaser image (`database/media-files.ts`),
 * and the correction notes; plus the breaking/featured flags
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

const bool = (value: unknown): boolean | null =>
  value === null || value === undefined ? null : value === true || value === 1 || value === '1' || value === 't';

export function createPublicArticleReader(strapi: Core.Strapi) {
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const article = strapi.db.metadata.get(ARTICLE as never) as unknown as { tableName: string; attributes: Record<string, { joinTable?: JoinTable }> };
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const teaserTable = (strapi.db.metadata.get(TEASER as never) as unknown as { tableName: string }).tableName;
  const link = (name: string) => article.attributes[name]?.joinTable as JoinTable;

  /** Columns every part of the relations query returns (NULL where a target has no such column). */
  const RELATION_COLUMNS = ['name', 'slug', 'credit_line', 'url', 'kind', 'title', 'lede', 'role'] as const;
  type RelationColumn = (typeof RELATION_COLUMNS)[number];
  const same = (...columns: RelationColumn[]): Partial<Record<RelationColumn, string>> => Object.fromEntries(columns.map((column) => [column, column]));
  const RELATIONS: ReadonlyArray<{ name: string; table: () => string; columns: Partial<Record<RelationColumn, string>>; publishedOnly?: boolean }> = [
    { name: 'authors', table: () => tableOf(strapi, AUTHOR), columns: same('name', 'slug', 'role'), publishedOnly: true },
    { name: 'sourceAgency', table: () => tableOf(strapi, SOURCE_AGENCY), columns: same('name', 'slug', 'credit_line', 'url', 'kind') },
    { name: 'citedAgencies', table: () => tableOf(strapi, SOURCE_AGENCY), columns: same('name', 'slug', 'credit_line', 'url', 'kind') },
    { name: 'tags', table: () => tableOf(strapi, TAG), columns: same('name', 'slug') },
    { name: 'section', table: () => tableOf(strapi, SECTION), columns: same('name', 'slug') },
    { name: 'teaser', table: () => teaserTable, columns: same('slug', 'url', 'title', 'lede'), publishedOnly: true },
  ];

  /** Every relation of the article in one statement (`database/relation-union.ts`): one round trip instead of six. */
  async function relations(db: Db, ownerId: number): Promise<Map<string, Row[]>> {
    const rows = await readRelationUnion(
      db,
      [ownerId],
      RELATION_COLUMNS,
      RELATIONS.map((relation) => ({ link: link(relation.name), table: relation.table(), columns: relation.columns, publishedOnly: relation.publishedOnly })),
    );
    const byRelation = new Map<string, Row[]>(RELATIONS.map((relation) => [relation.name, []]));
    for (const row of rows) byRelation.get((RELATIONS[row.rel] as { name: string }).name)?.push(row);
    return byRelation;
  }

  /** The cover of the article and the image of its teaser, in one statement (`database/media-files.ts`). */
  async function media(db: Db, articleId: number, teaserId: number | null): Promise<{ cover: Row | null; teaserImage: Row | null }> {
    const files = await readMediaFiles(strapi, db, [
      { type: ARTICLE, field: 'cover', ids: [articleId] },
      { type: TEASER, field: 'image', ids: teaserId === null ? [] : [teaserId] },
    ]);
    const cover = files.get(mediaKey(ARTICLE, articleId));
    const image = teaserId === null ? undefined : files.get(mediaKey(TEASER, teaserId));
    return {
      cover: cover ? { ...cover } : null,
      teaserImage: image
        ? {
            id: image.id,
            documentId: image.documentId,
            url: image.url,
            alternativeText: image.alternativeText,
            width: image.width,
            height: image.height,
            formats: image.formats,
          }
        : null,
    };
  }

  const agency = (row: Row) => ({
    id: row.id,
    documentId: row.document_id,
    name: row.name,
    creditLine: row.credit_line ?? null,
    slug: row.slug,
    url: row.url ?? null,
    kind: row.kind ?? null,
  });

  /** The published (and, for public requests, released) article holding `slug`, as the public response entry; null when there is none. */
  async function bySlug(slug: string, locale: string): Promise<Row | null> {
    return withReader(strapi, async (db) => {
      const query = wherePublicArticleForRequest(strapi, db(`${article.tableName} as a`).where({ 'a.slug': slug, 'a.locale': locale }), 'a');
      const fields = [
        'id',
        'document_id',
        'title',
        'slug',
        'lede',
        'body',
        'cover_caption',
        'meta_title',
        'meta_description',
        'publication_date',
        'updated_date',
        'comments_enabled',
        'created_at',
        'updated_at',
        'published_at',
        'locale',
        'breaking',
        'breaking_until',
        'featured',
        'featured_until',
      ];
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
        flags: activeFlags(
          { breaking: row.breaking, breakingUntil: iso(row.breaking_until), featured: row.featured, featuredUntil: iso(row.featured_until) },
          now(),
        ),
        commentCount: Number(row.comment_count ?? 0),
      };
    });
  }

  return { bySlug };
}
