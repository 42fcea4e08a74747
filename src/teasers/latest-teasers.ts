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

interface Position {
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

/** Document Service filters of a feed narrowed by section, tag, agency or author slug (this feed, RSS/Atom/JSON feeds). */
export function feedNarrowing(query: FeedNarrowing): Record<string, unknown>[] {
  const filters: Record<string, unknown>[] = [];
  if (query.section) filters.push({ section: { slug: query.section } });
  if (query.tag) filters.push({ tags: { slug: query.tag } });
  if (query.agency) filters.push({ sourceAgency: { slug: query.agency } });
  // Published author rows only: the filter is ours, not the caller's, but a draft row must not match.
  if (query.author) filters.push({ authors: { slug: query.author, publishedAt: { $notNull: true } } });
  return filters;
}

/**
 * The same narrowing for hand-written SQL on the article rows `a`: an EXISTS per narrowing over
 * the relation's link table (no duplicate rows), the author's published rows only.
 */
function whereNarrowed(strapi: Core.Strapi, db: Knex | Knex.Transaction, query: Knex.QueryBuilder, narrowing: FeedNarrowing): Knex.QueryBuilder {
  // Cast: Strapi types metadata.get by registered uid and leaves out the link details read here.
  const attributes = (strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, { joinTable?: JoinTable }> }).attributes;
  const parts: Array<[string | undefined, string, string, boolean]> = [
    [narrowing.section, 'section', SECTION, false],
    [narrowing.tag, 'tags', TAG, false],
    [narrowing.agency, 'sourceAgency', SOURCE_AGENCY, false],
    // Published author rows only: the filter is ours, not the caller's, but a draft row must not match.
    [narrowing.author, 'authors', AUTHOR, true],
  ];
  for (const [slug, relation, uid, publishedOnly] of parts) {
    if (!slug) continue;
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

/**
 * Newest stories first as cards, optionally of one section, tag, agency or author (by slug), or only those whose
 * breaking/featured flag is active now (`flag`). Pages are
 * keyset cursors on (publicationDate, documentId), so a page stays the same while new stories
 * arrive on top. ONE SQL statement: the page's public article rows (src/visibility), narrowed,
 * in keyset order, each with its card as JSON (`cards/card-sources.ts` `cardJson`); the row
 * after the page only tells whether there is a next one.
 */
export async function latestTeasers(strapi: Core.Strapi, query: LatestQuery): Promise<LatestPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  // Cast: Strapi types metadata.get by registered uid and leaves out the column details read here.
  const attributes = (strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, { columnName?: string }> }).attributes;
  const column = (attribute: string) => attributes[attribute]?.columnName ?? attribute;
  const date = `a.${column('publicationDate')}`;
  const rows = (await withReader(strapi, (db) => {
    const found = whereNarrowed(
      strapi,
      db,
      wherePublicArticleForRequest(strapi, db(`${tableOf(strapi, ARTICLE)} as a`).where('a.locale', query.locale), 'a'),
      query,
    );
    if (query.flag) void whereFlagActive(found, 'a', query.flag, now(), column);
    if (cursor) {
      const at = new Date(cursor.date);
      void found.andWhere((before) => before.where(date, '<', at).orWhere((same) => same.where(date, '=', at).andWhere('a.document_id', '<', cursor.id)));
    }
    return readPrepared(
      strapi,
      db,
      found
        .select({ document_id: 'a.document_id', publication_date: date }, db.raw('? AS card', [cardJson(strapi, db, createJsonAggregate(db), 'a')]))
        .orderBy([
          { column: date, order: 'desc' },
          { column: 'a.document_id', order: 'desc' },
          { column: 'a.id', order: 'asc' },
        ])
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
