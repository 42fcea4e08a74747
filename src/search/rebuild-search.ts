import type { Core } from '@strapi/strapi';
import { ARTICLE } from '../uids';
import type { Knex } from 'knex';
import { SEARCH_DOCS, SEARCH_FTS, isPostgres, searchEngineFor, type SearchDocument } from './search-engine';
import { searchDocumentOf } from './search-indexer';
import type { Progress } from '../doctor/doctor-check';

const BATCH = 200;

/** Writes index documents in one transaction (the rebuild's batches, the benchmark corpus). */
export async function saveSearchDocuments(knex: Knex, docs: readonly SearchDocument[]): Promise<void> {
  const engine = searchEngineFor(knex);
  await knex.transaction(async (trx) => {
    for (const doc of docs) await engine.save(trx, doc);
  });
}

/**
 * Rebuilds the search index from the published article variants: empties it, then reads and
 * indexes them in batches of BATCH, one transaction per batch. Returns how many were indexed.
 * Readers meanwhile see an index filling up (no story that should not be there).
 */
export async function rebuildSearch(strapi: Core.Strapi, progress: Progress): Promise<number> {
  const knex = strapi.db.connection;
  await knex(SEARCH_DOCS).delete();
  if (!isPostgres(knex)) await knex.raw(`DELETE FROM ${SEARCH_FTS}`);
  const where = { publishedAt: { $notNull: true } };
  const total = Number(await strapi.db.query(ARTICLE).count({ where }));
  progress.start('search index', total);
  let done = 0;
  for (let offset = 0; offset < total; offset += BATCH) {
    const rows = (await strapi.db.query(ARTICLE).findMany({
      where,
      select: ['documentId', 'locale', 'title', 'lede', 'body', 'publicationDate', 'publishedAt'],
      orderBy: [{ id: 'asc' }],
      offset,
      limit: BATCH,
    })) as Array<Parameters<typeof searchDocumentOf>[0]>;
    await saveSearchDocuments(knex, rows.map(searchDocumentOf));
    done += rows.length;
    for (let i = 0; i < rows.length; i += 1) progress.increment();
  }
  progress.stop();
  return done;
}
