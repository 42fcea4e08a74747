import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { highlightSnippet, parseSearchQuery, type QueryWord } from '../domain/search';
import { withReader } from '../database/reader';
import type { JoinTable } from '../database/sql';
import { cardsFor, type TeaserCard } from '../cards/teaser-cards';
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
 * request (src/visibility), and the cards are read under it again (card-sources.ts).
 */
export async function findSearch(strapi: Core.Strapi, query: SearchQuery): Promise<SearchPage> {
  const parsed = parseSearchQuery(query.q, query.locale);
  if (parsed.kind === 'invalid') throw new errors.ValidationError(parsed.message);
  const empty = { cards: [], total: 0, page: query.page, pageSize: query.limit, pageCount: 0, terms: [] as string[] };
  if (parsed.kind === 'nothing') return { ...empty, matched: 'none' };
  const offset = (query.page - 1) * query.limit;
  if (offset + query.limit > SEARCH_MAX_RESULTS) throw new errors.ValidationError(`page × limit must stay within the first ${SEARCH_MAX_RESULTS} results.`);
  const terms = parsed.words.map((word) => word.token);
  const first = await runEngine(strapi, query, parsed.words, false, offset);
  const found =
    first.total === 0 && parsed.words.length > 1
      ? { ...(await runEngine(strapi, query, parsed.words, true, offset)), matched: 'any' as const }
      : { ...first, matched: 'all' as const };
  if (found.total === 0) return { ...empty, terms, matched: 'none' };
  const ids = found.hits.map((hit) => hit.documentId);
  const [cards, texts] = await Promise.all([cardsFor(strapi, ids, query.locale), snippetTexts(strapi, ids, query.locale)]);
  return {
    cards: cards.map((card) => ({ ...card, snippet: highlightSnippet(texts.get(card.documentId) ?? card.lede ?? '', parsed.words, query.locale) })),
    total: found.total,
    page: query.page,
    pageSize: query.limit,
    pageCount: Math.ceil(Math.min(found.total, SEARCH_MAX_RESULTS) / query.limit),
    matched: found.matched,
    terms,
  };
}

async function runEngine(strapi: Core.Strapi, query: SearchQuery, words: readonly QueryWord[], any: boolean, offset: number) {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as ModelMeta;
  const articles = meta(ARTICLE);
  const settings = strapi.config.get('novinar.search') as SearchSettings;
  const at = publicReadMoment(strapi);
  return withReader(strapi, (db) => {
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
    return searchEngineFor(db).search(db, {
      words,
      any,
      locale: query.locale,
      at: at ?? now(),
      recency: { boost: settings.recencyBoost, halfLifeDays: settings.recencyHalfLifeDays },
      limit: query.limit,
      offset,
      restrict,
      articlesTable: articles.tableName,
    });
  });
}

/** The indexed lede and body text of each story, which snippets are cut from. */
async function snippetTexts(strapi: Core.Strapi, documentIds: readonly string[], locale: string): Promise<Map<string, string>> {
  const rows = (await withReader(strapi, (db) =>
    db(SEARCH_DOCS)
      .where('locale', locale)
      .whereIn('document_id', [...documentIds])
      .select('document_id', 'lede', 'body'),
  )) as Array<{ document_id: string; lede: string; body: string }>;
  return new Map(rows.map((row) => [row.document_id, [row.lede, row.body].filter(Boolean).join(' ')]));
}
