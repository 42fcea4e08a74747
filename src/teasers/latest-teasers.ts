import { isStorableInstant } from '../domain/dates';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG } from '../uids';
import { toCards, type TeaserCard } from '../cards/teaser-cards';
import { cardFromJson, cardJson, type CardSource } from '../cards/card-sources';
import { whereFlagActive } from '../flags';
import type { StoryFlag } from '../domain/flags';
import { now } from '../clock';
import { withReader } from '../database/reader';
import { readPrepared } from '../database/prepared';
import { createJsonAggregate } from '../database/json-aggregate';
import { isoFromDb, tableOf, type JoinTable } from '../database/sql';
import { wherePublicArticleForRequest, wherePublishedRow } from '../visibility';

export const LATEST_DEFAULT_LIMIT = 10;
export const LATEST_MAX_LIMIT = 50;

export interface LatestQuery {
  locale: string;
  limit: number;
  section?: string;
  tag?: string;
  agency?: string;
  author?: string;
  cursor?: string;
  flag?: StoryFlag;
}
export interface LatestPage {
  cards: TeaserCard[];
  nextCursor: string | null;
}

export interface Position {
  date: string;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.date}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const [date, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!date || !id || !isStorableInstant(date) || !/^[a-z0-9]+$/i.test(id)) throw new errors.ValidationError('cursor is not a cursor this API returned.');
  return { date, id };
}

export interface FeedNarrowing {
  section?: string;
  tag?: string;
  agency?: string;
  author?: string;
}

/** Each narrowing parameter, the article relation it follows and the type it names. */
export const NARROWINGS = [
  { param: 'section', relation: 'section', uid: SECTION },
  { param: 'tag', relation: 'tags', uid: TAG },
  { param: 'agency', relation: 'sourceAgency', uid: SOURCE_AGENCY },
  { param: 'author', relation: 'authors', uid: AUTHOR },
] as const;

/**
 * What a narrowed feed is narrowed to, named, as scalar subqueries to select beside its rows (one
 * per narrowing given, keyed by its parameter): the name of the published row of that slug in the
 * locale (the slug when it has no name), or NULL when there is none, which the feed answers with
 * a 404. Published rows only: authors have drafts; sections, tags and agencies have none, so
 * their rows are all published.
 */
export function narrowingNames(
  strapi: Core.Strapi,
  db: Knex | Knex.Transaction,
  narrowing: FeedNarrowing & { locale: string },
): Record<string, Knex.QueryBuilder> {
  const names: Record<string, Knex.QueryBuilder> = {};
  for (const { param, uid } of NARROWINGS) {
    const slug = narrowing[param];
    if (!slug) continue;
    names[param] = wherePublishedRow(
      db(`${tableOf(strapi, uid)} as n_${param}`)
        .where(`n_${param}.slug`, slug)
        .andWhere(`n_${param}.locale`, narrowing.locale),
      `n_${param}`,
    )
      .select(db.raw('coalesce(??, ??)', [`n_${param}.name`, `n_${param}.slug`]))
      .orderBy(`n_${param}.id`)
      .limit(1);
  }
  return names;
}

/**
 * A feed narrowed by section, tag, agency or author slug (the latest teasers, the RSS/Atom/JSON
 * feeds), in SQL on the article rows `a`: an EXISTS per narrowing over the relation's link table
 * (no duplicate rows), the author's published rows only.
 */
function whereNarrowed(strapi: Core.Strapi, db: Knex | Knex.Transaction, query: Knex.QueryBuilder, narrowing: FeedNarrowing): Knex.QueryBuilder {
  // Cast: Strapi types metadata.get by registered uid and leaves out the link details read here.
  const attributes = (strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, { joinTable?: JoinTable }> }).attributes;
  for (const { param, relation, uid } of NARROWINGS) {
    const slug = narrowing[param];
    if (!slug) continue;
    // Published author rows only: the filter is ours, not the caller's, but a draft row must not match.
    const publishedOnly = uid === AUTHOR;
    const link = attributes[relation]?.joinTable as JoinTable;
    void query.whereExists(function linked() {
      void this.select(db.raw('1'))
        .from(`${link.name} as n_l`)
        .join(`${tableOf(strapi, uid)} as n_x`, 'n_x.id', `n_l.${link.inverseJoinColumn.name}`)
        .where(`n_l.${link.joinColumn.name}`, db.ref('a.id'))
        .andWhere('n_x.slug', slug);
      if (publishedOnly) void wherePublishedRow(this, 'n_x');
    });
  }
  return query;
}

/** What narrows a list of the newest stories: a feed's slugs, a keyset position, an active flag. */
export interface LatestNarrowing extends FeedNarrowing {
  locale: string;
  cursor?: Position | null;
  flag?: StoryFlag;
}

/**
 * The public article rows `a` of the newest stories (src/visibility), narrowed, in the order of
 * every "newest first" list: publicationDate, then documentId, newest first (then row id, for a
 * stable order). The caller selects what it shows and limits. Shared by the latest teasers and
 * the RSS/Atom/JSON feeds (`feeds/feed-stories.ts`), so both list the same stories.
 */
export function latestArticles(strapi: Core.Strapi, db: Knex | Knex.Transaction, narrowing: LatestNarrowing): { query: Knex.QueryBuilder; date: string } {
  // Cast: Strapi types metadata.get by registered uid and leaves out the column details read here.
  const attributes = (strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, { columnName?: string }> }).attributes;
  const column = (attribute: string) => attributes[attribute]?.columnName ?? attribute;
  const date = `a.${column('publicationDate')}`;
  const found = whereNarrowed(
    strapi,
    db,
    wherePublicArticleForRequest(strapi, db(`${tableOf(strapi, ARTICLE)} as a`).where('a.locale', narrowing.locale), 'a'),
    narrowing,
  );
  if (narrowing.flag) void whereFlagActive(found, 'a', narrowing.flag, now(), column);
  const cursor = narrowing.cursor;
  if (cursor) {
    const at = new Date(cursor.date);
    void found.andWhere((before) => before.where(date, '<', at).orWhere((same) => same.where(date, '=', at).andWhere('a.document_id', '<', cursor.id)));
  }
  const query = found.orderBy([
    { column: date, order: 'desc' },
    { column: 'a.document_id', order: 'desc' },
    { column: 'a.id', order: 'asc' },
  ]);
  return { query, date };
}

/**
 * Newest stories first as cards, optionally of one section, tag, agency or author (by slug), or only those whose
 * breaking/featured flag is active now (`flag`). Pages are
 * keyset cursors on (publicationDate, documentId), so a page stays the same while new stories
 * arrive on top. ONE SQL statement: the page's public article rows (`latestArticles`), narrowed,
 * in keyset order, each with its card as JSON (`cards/card-sources.ts` `cardJson`); the row
 * after the page only tells whether there is a next one.
 */
export async function latestTeasers(strapi: Core.Strapi, query: LatestQuery): Promise<LatestPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = (await withReader(strapi, (db) => {
    const { query: found, date } = latestArticles(strapi, db, { ...query, cursor });
    return readPrepared(
      strapi,
      db,
      found
        .select({ document_id: 'a.document_id', publication_date: date }, db.raw('? AS card', [cardJson(strapi, db, createJsonAggregate(db), 'a')]))
        .limit(query.limit + 1),
    );
  })) as Array<{ document_id: string; publication_date: unknown; card: unknown }>;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const lastDate = last ? isoFromDb(last.publication_date) : null;
  // As the Document Service path did, an empty date counts as the epoch.
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ date: lastDate ?? new Date(0).toISOString(), id: last.document_id }) : null;
  const sources = page.map((row) => cardFromJson(row.card)).filter((source): source is CardSource => source !== null);
  return { cards: await toCards(strapi, sources, query.locale), nextCursor };
}
