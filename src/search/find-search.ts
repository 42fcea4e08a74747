import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { highlightSnippet, parseSearchQuery, SNIPPET_TEXT_CHARS, type QueryWord } from '../domain/search';
import { withReader } from '../database/reader';
import { readPrepared } from '../database/prepared';
import type { JoinTable } from '../database/sql';
import { toCards, type TeaserCard } from '../cards/teaser-cards';
import { cardFromJson, cardJson, type CardSource } from '../cards/card-sources';
import { createJsonAggregate } from '../database/json-aggregate';
import { publicReadMoment, wherePublicArticle, wherePublishedRow } from '../visibility';
import { now } from '../clock';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG } from '../uids';
import { SEARCH_DOCS, searchEngineFor } from './search-engine';

export const SEARCH_DEFAULT_LIMIT = 10;
export const SEARCH_MAX_LIMIT = 50;
/** Pages reach this far into the ranking; deeper pages are a crawler's, not a reader's. */
export const SEARCH_MAX_RESULTS = 1000;

export interface SearchQuery {
  q: unknown;
  locale: string;
  limit: number;
  page: number;
  section?: string;
  tag?: string;
  agency?: string;
  /** An author's slug: stories crediting that published author. */
  author?: string;
  from?: Date;
  to?: Date;
}

export interface SearchCard extends TeaserCard {
  snippet: string;
}

export interface SearchPage {
  cards: SearchCard[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** 'all' when every word matched; 'any' when no story had them all and stories with some are shown. */
  matched: 'all' | 'any' | 'none';
  /** The query words that were looked for (stop words and punctuation dropped). */
  terms: string[];
}

interface AttributeMeta {
  joinTable?: JoinTable;
}
interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}
interface ModelOptions {
  options?: { draftAndPublish?: boolean };
}

/** Settings of the recency boost (config/novinar.ts: SEARCH_RECENCY_BOOST, SEARCH_RECENCY_HALF_LIFE_DAYS). */
interface SearchSettings {
  recencyBoost: number;
  recencyHalfLifeDays: number;
}

/**
 * Public search: stories of the locale matching every analysed word of `q` (or, when none has
 * them all, any), ranked by relevance × recency, as cards with a highlighted snippet. Only
 * published, released stories: the engine joins the articles under the release rule of the
 * request (src/visibility), and each card is built from that same article row.
 *
 * ONE SQL statement per answer (`readPage`): the engine's ranked page with the total as a window
 * count, each hit joined to its card JSON (`cards/card-sources.ts` `cardJson`) and the start of
 * its indexed text, which the snippet is cut from in JS. A second statement only when the first
 * finds nothing: no story has every word (the same page matching any word), or the page lies
 * past the last hit (the count alone).
 */
export async function findSearch(strapi: Core.Strapi, query: SearchQuery): Promise<SearchPage> {
  const parsed = parseSearchQuery(query.q, query.locale);
  if (parsed.kind === 'invalid') throw new errors.ValidationError(parsed.message);
  const empty = { cards: [], total: 0, page: query.page, pageSize: query.limit, pageCount: 0, terms: [] as string[] };
  if (parsed.kind === 'nothing') return { ...empty, matched: 'none' };
  const offset = (query.page - 1) * query.limit;
  if (offset + query.limit > SEARCH_MAX_RESULTS) throw new errors.ValidationError(`page × limit must stay within the first ${SEARCH_MAX_RESULTS} results.`);
  const terms = parsed.words.map((word) => word.token);
  const first = await readPage(strapi, query, parsed.words, false, offset);
  const found =
    first.total === 0 && parsed.words.length > 1
      ? { ...(await readPage(strapi, query, parsed.words, true, offset)), matched: 'any' as const }
      : { ...first, matched: 'all' as const };
  if (found.total === 0) return { ...empty, terms, matched: 'none' };
  const cards = await toCards(
    strapi,
    found.hits.map((hit) => hit.source),
    query.locale,
  );
  return {
    cards: cards.map((card, index) => ({ ...card, snippet: highlightSnippet(found.hits[index]?.text ?? card.lede ?? '', parsed.words, query.locale) })),
    total: found.total,
    page: query.page,
    pageSize: query.limit,
    pageCount: Math.ceil(Math.min(found.total, SEARCH_MAX_RESULTS) / query.limit),
    matched: found.matched,
    terms,
  };
}

interface FoundPage {
  hits: Array<{ source: CardSource; text: string }>;
  total: number;
}

/** The page of hits, best first, each with its card source and snippet text, and the number of all matches. */
async function readPage(strapi: Core.Strapi, query: SearchQuery, words: readonly QueryWord[], any: boolean, offset: number): Promise<FoundPage> {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as ModelMeta;
  const articles = meta(ARTICLE);
  const settings = strapi.config.get('novinar.search') as SearchSettings;
  const at = publicReadMoment(strapi);
  return withReader(strapi, async (db) => {
    /**
     * Articles (alias a) linked through `attribute` to a row of `uid` with that slug. A type with
     * drafts (authors) matches in its published rows only: a draft author's slug, or a slug only an
     * unpublished edit carries, finds nothing, as an unknown slug does.
     */
    const linkedTo = (q: Knex.QueryBuilder, attribute: string, uid: string, slug: string) => {
      const link = articles.attributes[attribute]?.joinTable as JoinTable;
      const target = meta(uid).tableName;
      const rows = db(`${link.name} as l`).join(`${target} as t`, 't.id', `l.${link.inverseJoinColumn.name}`).where('t.slug', slug);
      if ((strapi.getModel(uid as never) as unknown as ModelOptions).options?.draftAndPublish) wherePublishedRow(rows, 't');
      return q.whereIn('a.id', rows.select(`l.${link.joinColumn.name}`));
    };
    const restrict = (q: Knex.QueryBuilder) => {
      wherePublicArticle(q, 'a', at);
      if (query.section) linkedTo(q, 'section', SECTION, query.section);
      if (query.tag) linkedTo(q, 'tags', TAG, query.tag);
      if (query.agency) linkedTo(q, 'sourceAgency', SOURCE_AGENCY, query.agency);
      if (query.author) linkedTo(q, 'authors', AUTHOR, query.author);
      if (query.from) void q.where('a.publication_date', '>=', query.from);
      if (query.to) void q.where('a.publication_date', '<', query.to);
      return q;
    };
    const ranked = (pageOffset: number, limit: number) =>
      searchEngineFor(db).rankedPage(db, {
        words,
        any,
        locale: query.locale,
        at: at ?? now(),
        recency: { boost: settings.recencyBoost, halfLifeDays: settings.recencyHalfLifeDays },
        limit,
        offset: pageOffset,
        restrict,
        articlesTable: articles.tableName,
      });
    // The card is built for the page's rows only: the ranked page is cut in its own subquery first.
    const rows = (await readPrepared(
      strapi,
      db,
      db
        .from(ranked(offset, query.limit).as('h'))
        .join(`${articles.tableName} as a`, 'a.id', 'h.article_id')
        .join(`${SEARCH_DOCS} as sd`, 'sd.id', 'h.doc_id')
        .select(
          { total: 'h.total', lede: 'sd.lede' },
          // Snippets look at the start of a text only: the rest of a long story is not read.
          db.raw('substr(??, 1, ?) AS body', ['sd.body', SNIPPET_TEXT_CHARS]),
          db.raw('? AS card', [cardJson(strapi, db, createJsonAggregate(db), 'a')]),
        )
        .orderBy([
          { column: 'h.score', order: 'desc' },
          { column: 'h.publication_ms', order: 'desc' },
          { column: 'h.document_id', order: 'asc' },
        ]),
    )) as Array<{ total: number | string; lede: string; body: string; card: unknown }>;
    const hits = rows.flatMap((row) => {
      const source = cardFromJson(row.card);
      return source ? [{ source, text: [row.lede, row.body].filter(Boolean).join(' ') }] : [];
    });
    if (rows.length > 0 || offset === 0) return { hits, total: Number(rows[0]?.total ?? 0) };
    // A page past the last hit has no row to carry the total: count on its own.
    const [counted] = (await db.from(ranked(0, 1).as('h')).select('h.total')) as Array<{ total: number | string }>;
    return { hits, total: Number(counted?.total ?? 0) };
  });
}
