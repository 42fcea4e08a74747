import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { latestArticles, narrowingNames, NARROWINGS, type FeedNarrowing } from '../teasers/latest-teasers';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG } from '../uids';
import type { FeedStory } from '../domain/feeds/feed-story';
import { withReader } from '../database/reader';
import { readPrepared } from '../database/prepared';
import { createJsonAggregate, jsonList, jsonObject } from '../database/json-aggregate';
import { linkedRows, mediaFields, mediaRows } from '../database/linked-rows';
import { isoFromDb, tableOf, type JoinTable } from '../database/sql';
import type { SiteUrls } from './site-urls';

export const FEED_DEFAULT_LIMIT = 30;
export const FEED_MAX_LIMIT = 100;

export interface FeedQuery extends FeedNarrowing {
  locale: string;
  limit: number;
}

interface Named {
  name: string;
  slug?: string;
  creditLine?: string | null;
  url?: string | null;
}
interface Row {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  lede: string | null;
  publicationDate: string | null;
  updatedDate: string | null;
  publishedAt: string;
  sourceAgency: Named | null;
  section: Named | null;
  tags: Named[];
  authors: Array<Named & { documentId: string }>;
  cover: { url: string; mime: string | null; size: number | null; width: number | null; height: number | null; alternativeText: string | null } | null;
}

/** A feed: the names of what it is narrowed to (for its title) and its newest stories. */
export interface Feed {
  names: string[];
  stories: FeedStory[];
  /** The documents shown: the stories and their authors (the answer's cache tags). */
  documentIds: string[];
}

interface AttributeMeta {
  columnName?: string;
  joinTable?: JoinTable;
}

/**
 * A feed in ONE SQL statement (one round trip on PostgreSQL): the newest public stories of the
 * latest teasers (`latestArticles`: src/visibility's public rows, the same narrowing and order),
 * each with agency, section, tags, published authors (the editor's order) and cover as JSON built
 * by the database (`database/json-aggregate.ts`), and beside them the name of each narrowing
 * (`narrowingNames`) as a scalar subquery. The stories are LEFT JOINed to a single row, so a feed
 * without stories still answers the names; a narrowing without a name is a 404 naming the
 * parameter (`No section with slug "x" in locale bg.`).
 */
export async function findFeed(strapi: Core.Strapi, query: FeedQuery, urls: SiteUrls): Promise<Feed> {
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const articles = strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, AttributeMeta> };
  const link = (name: string) => articles.attributes[name]?.joinTable as JoinTable;
  const column = (name: string) => `a.${articles.attributes[name]?.columnName ?? name}`;
  const rows = (await withReader(strapi, (db) => {
    const j = createJsonAggregate(db);
    const agency = linkedRows(db, 'a', link('sourceAgency'), tableOf(strapi, SOURCE_AGENCY), 'a_ag');
    const section = linkedRows(db, 'a', link('section'), tableOf(strapi, SECTION), 'a_se');
    const tags = linkedRows(db, 'a', link('tags'), tableOf(strapi, TAG), 'a_ta');
    // Bylines keep the editor's order; draft author rows are never shown.
    const authors = linkedRows(db, 'a', link('authors'), tableOf(strapi, AUTHOR), 'a_au', { publishedOnly: true });
    const cover = mediaRows(strapi, db, ARTICLE, 'cover', 'a.id', 'a_co');
    const { query: stories, date } = latestArticles(strapi, db, query);
    void stories
      .select({
        document_id: 'a.document_id',
        row_id: 'a.id',
        locale: 'a.locale',
        title: 'a.title',
        slug: 'a.slug',
        lede: 'a.lede',
        publication_date: date,
        updated_date: column('updatedDate'),
        published_at: column('publishedAt'),
      })
      .select({
        agency: j.first(agency, { name: agency.x('name'), credit_line: agency.x('credit_line'), url: agency.x('url') }),
        section: j.first(section, { name: section.x('name'), slug: section.x('slug') }),
        tags: j.list(tags, { name: tags.x('name') }),
        authors: j.list(authors, { document_id: authors.x('document_id'), name: authors.x('name'), slug: authors.x('slug') }),
        cover: j.first(cover, mediaFields('a_co', ['url', 'mime', 'size', 'width', 'height', 'alternative_text'])),
      })
      .limit(query.limit);
    const names = Object.entries(narrowingNames(strapi, db, query)).map(([param, name]) => db.raw('? AS ??', [name, `name_${param}`]));
    return readPrepared<Array<Record<string, unknown>>>(
      strapi,
      db,
      db
        .from(db.raw('(SELECT 1 AS one) AS o'))
        .leftJoin(stories.as('p'), (on) => void on.on(db.raw('1 = 1')))
        .select(...names, 'p.*')
        .orderBy([
          { column: 'p.publication_date', order: 'desc' },
          { column: 'p.document_id', order: 'desc' },
          { column: 'p.row_id', order: 'asc' },
        ]),
    );
  })) as Array<Record<string, unknown>>;
  const names: string[] = [];
  for (const { param } of NARROWINGS) {
    const slug = query[param];
    if (!slug) continue;
    const name = rows[0]?.[`name_${param}`];
    if (name === null || name === undefined) throw new errors.NotFoundError(`No ${param} with slug "${slug}" in locale ${query.locale}.`);
    names.push(String(name));
  }
  const found = rows.filter((row) => row.document_id !== null && row.document_id !== undefined).map(rowOf);
  const documentIds = found.flatMap((row) => [row.documentId, ...row.authors.map((author) => author.documentId)]);
  return { names, stories: found.map((row) => toStory(row, urls)), documentIds };
}

/** A story row of `findFeed`'s statement, its JSON parts read back. */
function rowOf(row: Record<string, unknown>): Row {
  const agency = jsonObject<{ name: string; credit_line: string | null; url: string | null }>(row.agency);
  const section = jsonObject<{ name: string; slug: string }>(row.section);
  const cover = jsonObject(row.cover);
  return {
    documentId: String(row.document_id),
    locale: String(row.locale),
    title: row.title as string,
    slug: row.slug as string,
    lede: (row.lede as string | null) ?? null,
    publicationDate: isoFromDb(row.publication_date),
    updatedDate: isoFromDb(row.updated_date),
    publishedAt: isoFromDb(row.published_at) as string,
    sourceAgency: agency ? { name: agency.name, creditLine: agency.credit_line ?? null, url: agency.url ?? null } : null,
    section: section ? { name: section.name, slug: section.slug } : null,
    tags: jsonList<{ name: string }>(row.tags).map((tag) => ({ name: tag.name })),
    authors: jsonList<{ document_id: string; name: string; slug: string }>(row.authors).map((author) => ({
      documentId: author.document_id,
      name: author.name,
      slug: author.slug,
    })),
    cover: cover
      ? {
          url: cover.url as string,
          mime: (cover.mime as string | null) ?? null,
          size: (cover.size as number | null) ?? null,
          width: (cover.width as number | null) ?? null,
          height: (cover.height as number | null) ?? null,
          alternativeText: (cover.alternative_text as string | null) ?? null,
        }
      : null,
  };
}

function toStory(row: Row, urls: SiteUrls): FeedStory {
  const published = new Date(row.publicationDate ?? row.publishedAt);
  return {
    id: `urn:novinar:article:${row.documentId}:${row.locale}`,
    url: urls.article(row.locale, row.slug),
    title: row.title,
    summary: row.lede || null,
    published,
    updated: row.updatedDate ? new Date(Math.max(published.getTime(), new Date(row.updatedDate).getTime())) : published,
    authors: row.authors.map((author) => ({ name: author.name, url: author.slug ? urls.author(row.locale, author.slug) : null })),
    agency: row.sourceAgency ? { name: row.sourceAgency.name, creditLine: row.sourceAgency.creditLine ?? null, url: row.sourceAgency.url ?? null } : null,
    section: row.section?.slug ? { name: row.section.name, url: urls.section(row.locale, row.section.slug) } : null,
    tags: row.tags.map((tag) => tag.name),
    cover: row.cover
      ? {
          url: urls.media(row.cover.url),
          type: row.cover.mime,
          // Strapi stores sizes in kB; RSS enclosures give bytes.
          length: row.cover.size === null ? null : Math.round(Number(row.cover.size) * 1024),
          width: row.cover.width,
          height: row.cover.height,
          alt: row.cover.alternativeText,
        }
      : null,
  };
}
