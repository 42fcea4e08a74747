import { isStorableInstant } from '../domain/dates';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE } from '../uids';
import { cardsFor, type TeaserCard } from '../cards/teaser-cards';
import { activeFlagFilter } from '../flags';
import type { StoryFlag } from '../domain/flags';
import { now } from '../clock';

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
 * Newest stories first as cards, optionally of one section, tag, agency or author (by slug), or only those whose
 * breaking/featured flag is active now (`flag`). Pages are
 * keyset cursors on (publicationDate, documentId), so a page stays the same while new stories
 * arrive on top.
 */
export async function latestTeasers(strapi: Core.Strapi, query: LatestQuery): Promise<LatestPage> {
  const filters = feedNarrowing(query);
  if (query.flag) filters.push(activeFlagFilter(query.flag, now()));
  if (query.cursor) {
    const { date, id } = decodeCursor(query.cursor);
    filters.push({ $or: [{ publicationDate: { $lt: date } }, { publicationDate: { $eq: date }, documentId: { $lt: id } }] });
  }
  const found = (await strapi.documents(ARTICLE).findMany({
    locale: query.locale,
    status: 'published',
    filters: filters.length ? { $and: filters } : {},
    sort: [{ publicationDate: 'desc' }, { documentId: 'desc' }],
    limit: query.limit + 1,
    // Positions only: the cards are read in SQL (card-sources.ts), with the same visibility rules.
    fields: ['documentId', 'publicationDate'],
    // Cast: The Document Service returns the generated entity type; only these fields are read.
  } as never)) as unknown as Array<{ documentId: string; publicationDate: string }>;
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = found.length > query.limit && last ? encodeCursor({ date: new Date(last.publicationDate).toISOString(), id: last.documentId }) : null;
  return {
    cards: await cardsFor(
      strapi,
      page.map((item) => item.documentId),
      query.locale,
    ),
    nextCursor,
  };
}
