import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { documentTerms } from '../domain/search';
import { blocksToText } from '../domain/text';
import { isoFromDb } from '../database/sql';
import { inTransaction } from '../database/transaction';
import { ARTICLE } from '../uids';
import { searchEngineFor, type SearchDocument } from './search-engine';

interface PublishedArticle {
  documentId: string;
  locale: string;
  title: string;
  lede?: string | null;
  body?: unknown;
  publicationDate?: unknown;
  publishedAt?: unknown;
}

/** The index document of a published variant: its text, for snippets, and its analysed terms. */
export function searchDocumentOf(article: PublishedArticle): SearchDocument {
  const lede = article.lede ?? '';
  const body = blocksToText(article.body);
  const dated = isoFromDb(article.publicationDate) ?? isoFromDb(article.publishedAt);
  return {
    documentId: article.documentId,
    locale: article.locale,
    publicationMs: dated ? Date.parse(dated) : 0,
    title: article.title,
    lede,
    body,
    terms: { title: documentTerms(article.title, article.locale), lede: documentTerms(lede, article.locale), body: documentTerms(body, article.locale) },
  };
}

/**
 * Keeps `novinar_search_docs` (and the engine's index) equal to the published variants: one
 * row per published variant, written from the published row itself. Each call runs in the
 * current transaction (the write's own) or a new one.
 */
export function createSearchIndexer(strapi: Core.Strapi) {
  async function loadPublished(documentId: string, locale: string): Promise<PublishedArticle | null> {
    return (await strapi.db.query(ARTICLE).findOne({
      where: { documentId, locale, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'title', 'lede', 'body', 'publicationDate', 'publishedAt'],
    })) as PublishedArticle | null;
  }

  async function indexWith(trx: Knex.Transaction, documentId: string, locale: string): Promise<void> {
    const engine = searchEngineFor(trx);
    const article = await loadPublished(documentId, locale);
    if (!article) return engine.remove(trx, documentId, locale);
    return engine.save(trx, searchDocumentOf(article));
  }

  /** (Re-)indexes a variant from its published row, or removes it when it is not published. */
  async function index(documentId: string, locale: string): Promise<void> {
    await inTransaction(strapi, (trx) => indexWith(trx, documentId, locale));
  }

  async function remove(documentId: string, locale: string): Promise<void> {
    await inTransaction(strapi, (trx) => searchEngineFor(trx).remove(trx, documentId, locale));
  }

  return { index, remove };
}

export type SearchIndexer = ReturnType<typeof createSearchIndexer>;
