import type { Core } from '@strapi/strapi';
import { withReader } from '../database/reader';
import { readPrepared } from '../database/prepared';
import { isoFromDb as iso, jsonFromDb as json, tableOf, type JoinTable } from '../database/sql';
import { createJsonAggregate, jsonList, jsonObject, type JsonFields } from '../database/json-aggregate';
import { componentRows, linkedRows, mediaFields, mediaRows } from '../database/linked-rows';
import { wherePublicArticleForRequest, wherePublishedRow } from '../visibility';
import { ARTICLE, AUTHOR, AUTHOR_LINK, SECTION, SOURCE_AGENCY, TAG, TEASER } from '../uids';
import type { ArticleVariant } from '../seo/article-variants';
import { approvedCountSql } from '../comments/comment-counts';
import { activeFlags } from '../domain/flags';
import { now } from '../clock';
import { correctionsFromJson, correctionsJson } from '../corrections/read-corrections';

/**
 * The public article response of `GET /api/articles/by-slug/:slug`, read with ONE indexed SQL
 * statement (one round trip to PostgreSQL): the article row by the slug index, with correlated
 * subqueries for its approved-comment count and, as JSON built by the database
 * (`database/json-aggregate.ts`), its relations (authors, agency, cited agencies, tags,
 * section, teaser with its image; `database/linked-rows.ts`), its cover, its correction notes
 * and, for the page head (`seo/article-page.ts`), its public locale variants and its bylines'
 * profile links; plus the breaking/featured flags active now (never the stored values: an
 * expired flag is not shown).
 *
 * Written by hand for the same reason as the card reader (`cards/card-sources.ts`): the
 * Document Service query with six populated relations, the release filters on each and the
 * output sanitizer took ~8 ms of CPU per request, 0.55× Strapi's own filter-by-slug. Only
 * public fields are selected (the entry holds nothing private: no createdBy/updatedBy), so no
 * sanitizer pass is needed; a test compares the result with the Document Service + sanitizer
 * reading field by field on SQLite and PostgreSQL, and another counts the statements. Former
 * slugs and misses are left to the registry (`slugs/find-by-slug.ts` `findFormerSlug`): 301 or
 * 404 over REST. This entry is the article of the one by-slug answer (the article service's
 * `findPageBySlug`), REST and GraphQL.
 */

type Row = Record<string, unknown>;

const bool = (value: unknown): boolean | null =>
  value === null || value === undefined ? null : value === true || value === 1 || value === '1' || value === 't';

const COVER_COLUMNS = ['url', 'alternative_text', 'caption', 'width', 'height', 'formats', 'mime'];
const TEASER_IMAGE_COLUMNS = ['url', 'alternative_text', 'width', 'height', 'formats'];

/** The by-slug entry, and what the page head reads besides it (`seo/article-page.ts`). */
export interface PublicArticleReading {
  entry: Row;
  variants: ArticleVariant[];
  /** Profile links (sameAs) by author documentId. */
  authorLinks: Map<string, string[]>;
}

export function createPublicArticleReader(strapi: Core.Strapi) {
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const article = strapi.db.metadata.get(ARTICLE as never) as unknown as { tableName: string; attributes: Record<string, { joinTable?: JoinTable }> };
  const link = (name: string) => article.attributes[name]?.joinTable as JoinTable;

  const file = (row: Row | null, columns: readonly string[]): Row | null => {
    if (!row) return null;
    const shown: Row = { id: row.id, documentId: row.document_id, url: row.url };
    const names: Record<string, string> = { alternative_text: 'alternativeText' };
    for (const column of columns.slice(1)) shown[names[column] ?? column] = column === 'formats' ? json(row[column]) : (row[column] ?? null);
    return shown;
  };

  const toAgency = (row: Row) => ({
    id: row.id,
    documentId: row.document_id,
    name: row.name,
    creditLine: row.credit_line ?? null,
    slug: row.slug,
    url: row.url ?? null,
    kind: row.kind ?? null,
  });

  /**
   * The published (and, for public requests, released) article holding `slug`, as the public
   * response entry, with what its page head needs besides it (its public locale variants and its
   * bylines' profile links); null when there is none.
   */
  async function bySlug(slug: string, locale: string): Promise<PublicArticleReading | null> {
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
      const j = createJsonAggregate(db);
      const names = (source: { x: (column: string) => string }, ...columns: string[]): JsonFields =>
        Object.fromEntries(['id', 'document_id', ...columns].map((column) => [column, source.x(column)]));
      const agencyColumns = ['name', 'slug', 'credit_line', 'url', 'kind'];
      const authors = linkedRows(db, 'a', link('authors'), tableOf(strapi, AUTHOR), 'au', { publishedOnly: true });
      const agency = linkedRows(db, 'a', link('sourceAgency'), tableOf(strapi, SOURCE_AGENCY), 'ag');
      const cited = linkedRows(db, 'a', link('citedAgencies'), tableOf(strapi, SOURCE_AGENCY), 'ci');
      const tags = linkedRows(db, 'a', link('tags'), tableOf(strapi, TAG), 'tg');
      const section = linkedRows(db, 'a', link('section'), tableOf(strapi, SECTION), 'se');
      const teaser = linkedRows(db, 'a', link('teaser'), tableOf(strapi, TEASER), 'te', { publishedOnly: true });
      const teaserImage = j.first(mediaRows(strapi, db, TEASER, 'image', teaser.x('id'), 'ti'), mediaFields('ti', TEASER_IMAGE_COLUMNS));
      // The bylines' profile links (the page head's sameAs): the links of each author's published row of the article's locale.
      const links = componentRows(strapi, db, AUTHOR, 'links', AUTHOR_LINK, 'al');
      void wherePublishedRow(
        links.query
          .join(`${tableOf(strapi, AUTHOR)} as al_a`, 'al_a.id', links.owner)
          .where('al_a.document_id', db.ref(authors.x('document_id')))
          .andWhere('al_a.locale', db.ref('a.locale')),
        'al_a',
      );
      // The story's public locale variants (hreflang, `localizations`), as `seo/article-variants.ts` reads them.
      const variants = wherePublicArticleForRequest(
        strapi,
        db(`${article.tableName} as va`).where('va.document_id', db.ref('a.document_id')),
        'va',
      ).whereNotNull('va.slug');
      const row = (await readPrepared(
        strapi,
        db,
        query.first(
          ...fields.map((field) => `a.${field}`),
          db.raw(`${approvedCountSql(strapi, 'a')} AS comment_count`),
          j.list(authors, { ...names(authors, 'name', 'slug', 'role'), links: j.nested(j.list(links, { url: links.c('url') })) }).as('authors'),
          j.first(agency, names(agency, ...agencyColumns)).as('source_agency'),
          j.list(cited, names(cited, ...agencyColumns)).as('cited_agencies'),
          j.list(tags, names(tags, 'name', 'slug')).as('tags'),
          j.first(section, names(section, 'name', 'slug')).as('section'),
          j.first(mediaRows(strapi, db, ARTICLE, 'cover', 'a.id', 'co'), mediaFields('co', COVER_COLUMNS)).as('cover'),
          j.first(teaser, { ...names(teaser, 'slug', 'url', 'title', 'lede'), image: j.nested(teaserImage) }).as('teaser'),
          correctionsJson(strapi, db, j, 'a').as('corrections'),
          j.list({ query: variants, orderBy: ['va.locale'] }, { locale: 'va.locale', slug: 'va.slug' }).as('variants'),
        ),
      )) as Row | undefined;
      if (!row) return null;
      const id = row.id as number;
      const agencyRow = jsonObject(row.source_agency);
      const sectionRow = jsonObject(row.section);
      const teaserRow = jsonObject(row.teaser);
      const cover = file(jsonObject(row.cover), COVER_COLUMNS);
      const corrections = correctionsFromJson(row.corrections);
      const authorRows = jsonList(row.authors);
      const entry = {
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
        sourceAgency: agencyRow ? toAgency(agencyRow) : null,
        authors: authorRows.map((author) => ({
          id: author.id,
          documentId: author.document_id,
          name: author.name,
          slug: author.slug,
          role: author.role ?? null,
        })),
        citedAgencies: jsonList(row.cited_agencies).map(toAgency),
        tags: jsonList(row.tags).map((tag) => ({ id: tag.id, documentId: tag.document_id, name: tag.name, slug: tag.slug })),
        section: sectionRow ? { id: sectionRow.id, documentId: sectionRow.document_id, name: sectionRow.name, slug: sectionRow.slug } : null,
        cover,
        teaser: teaserRow
          ? {
              id: teaserRow.id,
              documentId: teaserRow.document_id,
              title: teaserRow.title ?? null,
              lede: teaserRow.lede ?? null,
              slug: teaserRow.slug ?? null,
              url: teaserRow.url ?? null,
              image: file(jsonObject(teaserRow.image), TEASER_IMAGE_COLUMNS),
            }
          : null,
        corrections,
        flags: activeFlags(
          { breaking: row.breaking, breakingUntil: iso(row.breaking_until), featured: row.featured, featuredUntil: iso(row.featured_until) },
          now(),
        ),
        commentCount: Number(row.comment_count ?? 0),
      };
      const authorLinks = new Map(
        authorRows.map((author) => [
          author.document_id as string,
          jsonList<{ url: string | null }>(author.links)
            .map((link) => link.url)
            .filter((url): url is string => Boolean(url)),
        ]),
      );
      return { entry, variants: jsonList<ArticleVariant>(row.variants), authorLinks };
    });
  }

  return { bySlug };
}
