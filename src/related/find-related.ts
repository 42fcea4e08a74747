import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isNearDuplicate } from '../domain/related';
import { findBySlug, type SlugLookup } from '../slugs/find-by-slug';
import { ARTICLE } from '../uids';
import { now } from '../clock';
import { createRelatedIndexer } from './related-indexer';
import { createRelatedStore, DOCS, LISTS } from './related-store';
import { cardsFor, toCards, type TeaserCard } from '../cards/teaser-cards';
import { cardFromJson, cardJson, type CardSource } from '../cards/card-sources';
import { withReader } from '../database/reader';
import { readPrepared } from '../database/prepared';
import { createJsonAggregate, jsonList } from '../database/json-aggregate';
import { tableOf, type JoinTable } from '../database/sql';
import { onPublicArticle, publicReadMoment, whereReleasedAt, wherePublicArticleForRequest } from '../visibility';

export const RELATED_DEFAULT_LIMIT = 3;
export const RELATED_MAX_LIMIT = 20;

interface WithPicks {
  documentId: string;
  relatedArticles?: Array<{ documentId: string }>;
}

/**
 * The related feed of an article: the editor's picks first in their order, then the stored
 * computed list; never the article itself, never two copies of one story (near-duplicate
 * fingerprints), only published and released stories of the same locale.
 *
 * The common case (a published, released article by its current slug) is ONE SQL statement
 * (`readFeed`): the article, its public picks in the editor's order and its stored list of
 * released stories in rank order, each candidate with its fingerprint and its card as JSON
 * (`cards/card-sources.ts` `cardJson`). Choosing among the candidates (near duplicates, the
 * limit) stays here in JS, on those rows. Former slugs (301) and misses take the general lookup.
 */
export interface RelatedFeed {
  articleDocumentId: string;
  cards: TeaserCard[];
}

/** A candidate of the feed: a story, its near-duplicate fingerprint (if indexed) and its card (if public). */
interface Candidate<Card> {
  documentId: string;
  fingerprint: string | null;
  card: Card | null;
}

/**
 * The editor's picks first, then the computed list cut to `limit` + picks (the list as stored,
 * released stories only); without the article itself, repeats or near duplicates of a story
 * already chosen (or of the article). The cards' own visibility is applied afterwards by the caller.
 */
function choose<Card>(self: { documentId: string; fingerprint: string | null }, picks: Array<Candidate<Card>>, listed: Array<Candidate<Card>>, limit: number) {
  const ownPicks = picks.filter((pick) => pick.documentId !== self.documentId);
  const ordered = [...ownPicks, ...listed.slice(0, limit + ownPicks.length)].filter((candidate) => candidate.documentId !== self.documentId);
  const chosen: Array<Candidate<Card>> = [];
  const taken = new Set<string>();
  const seen: string[] = self.fingerprint ? [self.fingerprint] : [];
  for (const candidate of ordered) {
    if (taken.has(candidate.documentId)) continue;
    taken.add(candidate.documentId);
    const { fingerprint } = candidate;
    if (fingerprint && seen.some((other) => isNearDuplicate(fingerprint, other))) continue;
    if (fingerprint) seen.push(fingerprint);
    chosen.push(candidate);
  }
  return chosen;
}

interface FeedRow {
  document_id: string;
  fingerprint: string | null;
  picks: unknown;
  listed: unknown;
}

/** The feed of the public article holding `slug` in one statement (see above), or null when there is none. */
async function readFeed(strapi: Core.Strapi, slug: string, locale: string, limit: number): Promise<RelatedFeed | null> {
  // Cast: Strapi types metadata.get by registered uid and leaves out the table and column details read here.
  const picksLink = (strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, { joinTable?: JoinTable }> }).attributes
    .relatedArticles?.joinTable as JoinTable;
  const articles = tableOf(strapi, ARTICLE);
  const row = await withReader(strapi, async (db) => {
    const j = createJsonAggregate(db);
    const at = publicReadMoment(strapi);
    const fingerprintOf = (documentId: string) =>
      db(`${DOCS} as fp`).select('fp.fingerprint').where('fp.document_id', db.ref(documentId)).andWhere('fp.locale', locale).limit(1);
    // A candidate's card: its public row of the locale (the cards' rules), or null.
    const publicRow = (join: Knex.JoinClause, alias: string, documentId: string) =>
      onPublicArticle(join.on(`${alias}.document_id`, '=', documentId).andOn(`${alias}.locale`, '=', db.raw('?', [locale])), alias, at, db);
    const card = (alias: string) => j.nested(db.raw('CASE WHEN ?? IS NULL THEN NULL ELSE ? END', [`${alias}.id`, cardJson(strapi, db, j, alias)]));

    // Only public picks: an embargoed pick must not even shape the feed (its fingerprint would hide a public near-copy of it).
    const ordering = picksLink.orderColumnName ?? `${picksLink.joinColumn.name.replace(/_id$/, '')}_ord`;
    const picks = db(`${picksLink.name} as pl`)
      .join(`${articles} as pp`, (join) => {
        onPublicArticle(join.on('pp.id', '=', `pl.${picksLink.inverseJoinColumn.name}`), 'pp', at, db);
      })
      .leftJoin(`${articles} as pc`, (join) => {
        publicRow(join, 'pc', 'pp.document_id');
      })
      .where(`pl.${picksLink.joinColumn.name}`, db.ref('a.id'));
    // The stored list, released stories only (the related index holds published variants).
    // The stored list, released stories only (the related index holds published variants), each
    // entry with its place among them: JS keeps the first `limit` + picks, so cards are built in
    // SQL only that far (bounded by the article's pick links, never fewer than JS keeps).
    const released = whereReleasedAt(
      db(`${LISTS} as li`)
        .join(`${DOCS} as ld`, (join) => {
          join.on('ld.document_id', '=', 'li.related_document_id').andOn('ld.locale', '=', 'li.locale');
        })
        .where('li.document_id', db.ref('a.document_id'))
        .andWhere('li.locale', locale),
      'ld.publication_date',
      now(),
    ).select('li.related_document_id', 'li.rank', 'ld.fingerprint', db.raw('ROW_NUMBER() OVER (ORDER BY ??) AS feed_place', ['li.rank']));
    const listed = db.from(released.as('lt')).leftJoin(`${articles} as lc`, (join) => {
      publicRow(join, 'lc', 'lt.related_document_id');
    });
    const needed = db.raw(`? + (SELECT COUNT(*) FROM ?? WHERE ?? = ??)`, [limit, picksLink.name, `${picksLink.name}.${picksLink.joinColumn.name}`, 'a.id']);
    const listedCard = j.nested(
      db.raw('CASE WHEN ?? IS NULL OR ?? > ? THEN NULL ELSE ? END', ['lc.id', 'lt.feed_place', needed, cardJson(strapi, db, j, 'lc')]),
    );
    const query = wherePublicArticleForRequest(strapi, db(`${articles} as a`).where({ 'a.slug': slug, 'a.locale': locale }), 'a').first(
      'a.document_id',
      fingerprintOf('a.document_id').as('fingerprint'),
      j
        .list(
          { query: picks, orderBy: [`pl.${ordering}`, 'pl.id'] },
          { document_id: 'pp.document_id', fingerprint: db.raw('?', [fingerprintOf('pp.document_id')]), card: card('pc') },
        )
        .as('picks'),
      j.list({ query: listed, orderBy: ['lt.rank'] }, { document_id: 'lt.related_document_id', fingerprint: 'lt.fingerprint', card: listedCard }).as('listed'),
    );
    return (await readPrepared(strapi, db, query)) as FeedRow | undefined;
  });
  if (!row) return null;
  const candidates = (value: unknown) =>
    jsonList<{ document_id: string; fingerprint: string | null; card: unknown }>(value).map((item) => ({
      documentId: item.document_id,
      fingerprint: item.fingerprint ?? null,
      card: cardFromJson(item.card),
    }));
  const chosen = choose({ documentId: row.document_id, fingerprint: row.fingerprint ?? null }, candidates(row.picks), candidates(row.listed), limit);
  // Picks that are drafts or embargoed have no card and drop out here.
  const sources = chosen.map((candidate) => candidate.card).filter((source): source is CardSource => source !== null);
  return { articleDocumentId: row.document_id, cards: (await toCards(strapi, sources, locale)).slice(0, limit) };
}

export async function findRelated(strapi: Core.Strapi, slug: string, locale: string, limit: number): Promise<SlugLookup<RelatedFeed>> {
  const direct = await readFeed(strapi, slug, locale, limit);
  if (direct) return { kind: 'found', document: direct };
  const lookup = await findBySlug<WithPicks>(strapi, ARTICLE, slug, locale, { relatedArticles: { fields: ['documentId'] } });
  if (lookup.kind !== 'found') return lookup;
  return { kind: 'found', document: { articleDocumentId: lookup.document.documentId, cards: await relatedCards(strapi, lookup.document, locale, limit) } };
}

/** The feed of an article already read (GraphQL `Article.related`, former slugs): the same choice, in a few statements. */
export async function relatedCards(strapi: Core.Strapi, article: WithPicks, locale: string, limit: number): Promise<TeaserCard[]> {
  const picks = (article.relatedArticles ?? []).map((pick) => pick.documentId).filter((id) => id !== article.documentId);
  const computed = await createRelatedIndexer(strapi).readList(article.documentId, locale, limit + picks.length);
  const stubs = await createRelatedStore(strapi.db.connection).getStubs([article.documentId, ...new Set([...picks, ...computed])], locale);
  const candidate = (documentId: string): Candidate<null> => ({ documentId, fingerprint: stubs.get(documentId)?.fingerprint ?? null, card: null });
  const chosen = choose(
    candidate(article.documentId),
    picks.map(candidate),
    computed.map(candidate),
    // `computed` is already cut to limit + picks.
    limit,
  );
  // Picks that are drafts or embargoed drop out here (cards are read with the public rules).
  return (
    await cardsFor(
      strapi,
      chosen.map((item) => item.documentId),
      locale,
    )
  ).slice(0, limit);
}
