import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { withReader } from '../database/reader';
import { readPrepared } from '../database/prepared';
import { isoFromDb, jsonFromDb, tableOf, type JoinTable } from '../database/sql';
import { createJsonAggregate, jsonList, jsonObject, type JsonAggregate } from '../database/json-aggregate';
import { linkedRows, mediaFields, mediaRows } from '../database/linked-rows';
import { wherePublicArticleForRequest } from '../visibility';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TEASER } from '../uids';
import { approvedCountSql } from '../comments/comment-counts';
import type { FlagValues } from '../domain/flags';

/**
 * What a card is made of, read with ONE indexed SQL statement for any number of articles: the
 * public article rows, each with its card as JSON built by the database
 * (`database/json-aggregate.ts`): agency, section, published authors, published teaser and its
 * image, cover (`database/linked-rows.ts`) and the approved-comment count (the comment rule of
 * `comments/comment-counts.ts`, as a correlated subquery). The related feed nests the same card
 * JSON in its own one statement (`related/find-related.ts`).
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
  /** Approved comments, when the reader counted them in its statement (else the card asks the comment service). */
  commentCount?: number;
}

interface AttributeMeta {
  columnName?: string;
  joinTable?: JoinTable;
}

const MEDIA_COLUMNS = ['url', 'alternative_text', 'width', 'height', 'formats'];

/** A card shows a file's url, alternative text, size and formats. */
function cardMedia(value: unknown): Media | null {
  const file = jsonObject(value);
  if (!file) return null;
  return {
    url: file.url as string,
    alternativeText: (file.alternative_text as string | null) ?? null,
    width: (file.width as number | null) ?? null,
    height: (file.height as number | null) ?? null,
    formats: jsonFromDb(file.formats),
  };
}

/**
 * The card of the article row `alias` of the outer query as one JSON object (an SQL
 * expression), and its reading back (`cardFromJson`). The outer query decides which rows are
 * public; the parts of the card apply the rest of the rules (published authors and teasers).
 */
export function cardJson(strapi: Core.Strapi, db: Knex | Knex.Transaction, j: JsonAggregate, alias: string): Knex.Raw {
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const articles = strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, AttributeMeta> };
  const link = (name: string) => articles.attributes[name]?.joinTable as JoinTable;
  const column = (name: string) => `${alias}.${articles.attributes[name]?.columnName ?? name}`;
  const agency = linkedRows(db, alias, link('sourceAgency'), tableOf(strapi, SOURCE_AGENCY), `${alias}_ag`);
  const section = linkedRows(db, alias, link('section'), tableOf(strapi, SECTION), `${alias}_se`);
  // Bylines keep the editor's order.
  const authors = linkedRows(db, alias, link('authors'), tableOf(strapi, AUTHOR), `${alias}_au`, { publishedOnly: true });
  const teaser = linkedRows(db, alias, link('teaser'), tableOf(strapi, TEASER), `${alias}_te`, { publishedOnly: true });
  const media = (type: string, field: string, owner: string, as: string) =>
    j.nested(j.first(mediaRows(strapi, db, type, field, owner, as), mediaFields(as, MEDIA_COLUMNS)));
  return j.object({
    document_id: `${alias}.document_id`,
    locale: `${alias}.locale`,
    title: `${alias}.title`,
    lede: `${alias}.lede`,
    slug: `${alias}.slug`,
    publication_date: column('publicationDate'),
    // Breaking/featured flags: the card shows the ones active when it is read (src/domain/flags).
    breaking: column('breaking'),
    breaking_until: column('breakingUntil'),
    featured: column('featured'),
    featured_until: column('featuredUntil'),
    comment_count: db.raw(approvedCountSql(strapi, alias)),
    cover: media(ARTICLE, 'cover', `${alias}.id`, `${alias}_co`),
    agency: j.nested(j.first(agency, { credit_line: agency.x('credit_line') })),
    section: j.nested(j.first(section, { name: section.x('name'), slug: section.x('slug') })),
    authors: j.nested(j.list(authors, { document_id: authors.x('document_id'), name: authors.x('name'), slug: authors.x('slug') })),
    teaser: j.nested(j.first(teaser, { title: teaser.x('title'), lede: teaser.x('lede'), image: media(TEASER, 'image', teaser.x('id'), `${alias}_ti`) })),
  });
}

/** A card source from the JSON of `cardJson`. */
export function cardFromJson(value: unknown): CardSource | null {
  const card = jsonObject(value);
  if (!card) return null;
  const agency = jsonObject(card.agency);
  const section = jsonObject<{ name: string; slug: string }>(card.section);
  const teaser = jsonObject(card.teaser);
  return {
    documentId: card.document_id as string,
    locale: card.locale as string,
    title: card.title as string,
    lede: (card.lede as string | null) ?? null,
    slug: card.slug as string,
    publicationDate: isoFromDb(card.publication_date),
    flags: { breaking: card.breaking, breakingUntil: isoFromDb(card.breaking_until), featured: card.featured, featuredUntil: isoFromDb(card.featured_until) },
    cover: cardMedia(card.cover),
    sourceAgency: agency ? { creditLine: (agency.credit_line as string | null) ?? null } : null,
    section: section ? { name: section.name, slug: section.slug } : null,
    authors: jsonList<CardAuthor & { document_id: string }>(card.authors).map((author) => ({
      documentId: author.document_id,
      name: author.name,
      slug: author.slug,
    })),
    teaser: teaser ? { title: (teaser.title as string | null) ?? null, lede: (teaser.lede as string | null) ?? null, image: cardMedia(teaser.image) } : null,
    commentCount: Number(card.comment_count ?? 0),
  };
}

export function createCardSourceReader(strapi: Core.Strapi) {
  const articlesTable = tableOf(strapi, ARTICLE);

  /** Card sources of the given articles (any order; missing and invisible ones are left out), in one statement. */
  async function load(documentIds: readonly string[], locale: string): Promise<CardSource[]> {
    if (documentIds.length === 0) return [];
    return withReader(strapi, async (db) => {
      // Published (and, for public requests, released) article rows of `locale`.
      const query = wherePublicArticleForRequest(strapi, db(`${articlesTable} as a`).where('a.locale', locale), 'a')
        .whereIn('a.document_id', [...documentIds])
        .select(db.raw('? AS card', [cardJson(strapi, db, createJsonAggregate(db), 'a')]));
      const rows = (await readPrepared(strapi, db, query)) as Array<{ card: unknown }>;
      return rows.map((row) => cardFromJson(row.card)).filter((card): card is CardSource => card !== null);
    });
  }

  return { load };
}
