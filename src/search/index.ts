/**
 * Search: the index of published variants (search-engine.ts: SQLite FTS5 or PostgreSQL tsvector),
 * kept by the write path (search-index-middleware.ts), rebuilt by `npm run search:rebuild`,
 * checked by the doctor (search-index-check.ts), read by findSearch (GET /api/search, GraphQL
 * search). The text rules live in src/domain/search.
 */
import type { Knex } from 'knex';
import { searchEngineFor } from './search-engine';

export { searchIndexMiddleware } from './search-index-middleware';
export { createSearchIndexer, searchDocumentOf } from './search-indexer';
export { findSearch } from './find-search';
export { searchIndexCheck } from './search-index-check';

export async function ensureSearchTables(knex: Knex): Promise<void> {
  await searchEngineFor(knex).ensureTables(knex);
}
