/**
 * npm run eval:search -- <corpus.jsonl> [--limit N]
 *
 * Imports the labelled news corpus into a scratch SQLite database through the Document Service,
 * builds the search index with `search:rebuild`'s code, runs the query set
 * of scripts/lib/search-queries.ts through the search service (the method GET /api/search
 * answers from) and prints precision@10 (share of the first ten results from the query's event;
 * missing results count as misses) and MRR (1 / rank of the first result from the event),
 * overall, by query kind and by event.
 */
import fs from 'fs';
import { parseArgs } from 'node:util';
import { bootScratchApp, importCorpus, readCorpus } from './lib/corpus-import';
import { rebuildSearch } from '../src/search/rebuild-search';
import { NO_PROGRESS } from '../src/doctor/doctor-check';
import { SEARCH_QUERIES, type EvalQuery } from './lib/search-queries';
import type { SearchPage, SearchQuery } from '../src/search/find-search';

const TOP = 10;

interface Scored {
  query: EvalQuery;
  precision: number;
  reciprocalRank: number;
  found: number;
}

function summary(label: string, rows: readonly Scored[]): string {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return `${label.padEnd(20)} P@${TOP} ${mean(rows.map((row) => row.precision)).toFixed(3)}  MRR ${mean(rows.map((row) => row.reciprocalRank)).toFixed(3)}  (${rows.length} queries)`;
}

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { limit: { type: 'string' }, verbose: { type: 'boolean' } } });
  const [file] = positionals;
  if (!file || !fs.existsSync(file)) throw new Error('usage: npm run eval:search -- <corpus.jsonl> [--limit N] [--verbose]');
  const items = readCorpus(file, values.limit ? Number(values.limit) : Infinity);
  // Imported without the write-time middlewares (the related index makes each publish slow and
  // plays no part here), then indexed by the rebuild, which writes the same index documents as
  // the publish middleware (searchDocumentOf); the write path has its integration tests.
  const { strapi, dispose } = await bootScratchApp({ NOVINAR_WRITE_MIDDLEWARES: 'false' });
  try {
    const started = Date.now();
    const byDocument = await importCorpus(strapi, items);
    const imported = Date.now();
    await rebuildSearch(strapi, NO_PROGRESS);
    console.log(
      `corpus: ${items.length} articles imported in ${((imported - started) / 1000).toFixed(1)} s, search index rebuilt in ${((Date.now() - imported) / 1000).toFixed(1)} s`,
    );
    const service = strapi.service('api::search.search') as { findSearch(query: SearchQuery): Promise<SearchPage> };
    const scored: Scored[] = [];
    for (const query of SEARCH_QUERIES) {
      const page = await service.findSearch({ q: query.q, locale: 'bg', limit: TOP, page: 1 });
      const events = page.cards.map((card) => byDocument.get(card.documentId)?.category);
      const first = events.indexOf(query.event);
      scored.push({
        query,
        precision: events.filter((event) => event === query.event).length / TOP,
        reciprocalRank: first >= 0 ? 1 / (first + 1) : 0,
        found: page.total,
      });
      if (values.verbose)
        console.log(
          `  ${query.kind.padEnd(8)} ${query.event.padEnd(17)} ${query.q.padEnd(36)} P@${TOP} ${(scored[scored.length - 1] as Scored).precision.toFixed(1)}  found ${page.total}  ${events
            .slice(0, TOP)
            .map((event) => (event === query.event ? '+' : '-'))
            .join('')}`,
        );
    }
    console.log(summary('overall', scored));
    for (const kind of ['cyrillic', 'latin'] as const)
      console.log(
        summary(
          kind,
          scored.filter((row) => row.query.kind === kind),
        ),
      );
    for (const event of [...new Set(SEARCH_QUERIES.map((query) => query.event))].sort())
      console.log(
        summary(
          `  ${event}`,
          scored.filter((row) => row.query.event === event),
        ),
      );
  } finally {
    await dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
