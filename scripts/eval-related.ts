/**
 * npm run eval:related -- <corpus.jsonl> [--limit N] [--write-time] [tuning flags]
 *
 * Imports a labelled JSON Lines corpus (title, body, category, id, date?, near_duplicate_of?)
 * into a fresh SQLite database through the Document Service (so slugs, dates, teasers and the
 * related index are made as in production), runs the full related rebuild as an archive
 * import would, and prints precision@5 (share of the five related stories in the article's own
 * category) overall and per category, and how many lists hold the same story twice.
 *
 * --write-time skips the rebuild and scores the lists as they were stored while the corpus was
 * published one story after another. The tuning flags set the app's own configuration
 * (config/novinar.ts, `related`) for this run, so a sweep measures the code that runs in
 * production, candidate query included:
 *   --top-terms --candidates --query-terms --postings-per-term --window-days
 *   --weight-text --weight-tag --weight-section --weight-agency --weight-recency --half-life
 * The term-vector boosts and the near-duplicate threshold are constants of src/domain/related.
 */
import fs from 'fs';
import { parseArgs } from 'node:util';
import { rebuildRelated } from './related-rebuild';
import { createRelatedStore } from '../src/related/related-store';
import { bootScratchApp, importCorpus, readCorpus, type CorpusItem } from './lib/corpus-import';

const TOP = 5;

/** Stories: items joined by near_duplicate_of links are one story (union-find). */
function storyOf(items: CorpusItem[]): (id: string) => string {
  const parent = new Map(items.map((item) => [String(item.id), String(item.id)]));
  const find = (id: string): string => {
    const up = parent.get(id) ?? id;
    if (up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  for (const item of items) {
    if (item.near_duplicate_of !== undefined && parent.has(String(item.near_duplicate_of)))
      parent.set(find(String(item.id)), find(String(item.near_duplicate_of)));
  }
  return find;
}

/** Flag → the environment variable config/novinar.ts reads it from. */
const TUNING: Readonly<Record<string, string>> = {
  'top-terms': 'RELATED_TOP_TERMS',
  candidates: 'RELATED_CANDIDATE_LIMIT',
  'query-terms': 'RELATED_QUERY_TERMS',
  'postings-per-term': 'RELATED_POSTINGS_PER_TERM',
  'window-days': 'RELATED_WINDOW_DAYS',
  'weight-text': 'RELATED_WEIGHT_TEXT',
  'weight-tag': 'RELATED_WEIGHT_TAG',
  'weight-section': 'RELATED_WEIGHT_SECTION',
  'weight-agency': 'RELATED_WEIGHT_AGENCY',
  'weight-recency': 'RELATED_WEIGHT_RECENCY',
  'half-life': 'RELATED_RECENCY_HALF_LIFE_DAYS',
};

const USAGE = 'usage: npm run eval:related -- <corpus.jsonl> [--limit N] [--write-time] [--top-terms N --candidates N ...]';

function readOptions() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      'write-time': { type: 'boolean', default: false },
      ...Object.fromEntries(Object.keys(TUNING).map((flag) => [flag, { type: 'string' as const }])),
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !fs.existsSync(file)) throw new Error(USAGE);
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit > 0)) throw new Error(`--limit must be a positive number, got "${String(values.limit)}"`);
  const env: Record<string, string> = {};
  for (const [flag, variable] of Object.entries(TUNING)) {
    // The tuning options are built from TUNING, so parseArgs's inferred type does not name them.
    const value = (values as Record<string, string | boolean | undefined>)[flag];
    if (typeof value !== 'string') continue;
    if (!Number.isFinite(Number(value))) throw new Error(`--${flag} must be a number, got "${value}"`);
    env[variable] = value;
  }
  return { file, limit, writeTime: values['write-time'] === true, env };
}

async function main() {
  const { file, limit, writeTime, env } = readOptions();
  const items = readCorpus(file, limit);
  const { strapi, dispose } = await bootScratchApp(env);
  const started = Date.now();
  try {
    const byDocument = await importCorpus(strapi, items);
    const imported = Date.now();
    if (!writeTime) await rebuildRelated(strapi, { restart: true });
    const rebuilt = Date.now();

    const story = storyOf(items);
    const lists = await createRelatedStore(strapi.db.connection).getLists([...byDocument.keys()], 'bg');
    const perCategory = new Map<string, { hits: number; total: number }>();
    let duplicateLists = 0;
    for (const [documentId, item] of byDocument) {
      const top = (lists.get(documentId) ?? [])
        .slice(0, TOP)
        .map((entry) => byDocument.get(entry.documentId))
        .filter((entry): entry is CorpusItem => Boolean(entry));
      const stats = perCategory.get(item.category) ?? { hits: 0, total: 0 };
      stats.hits += top.filter((entry) => entry.category === item.category).length;
      stats.total += TOP;
      perCategory.set(item.category, stats);
      const stories = [story(String(item.id)), ...top.map((entry) => story(String(entry.id)))];
      if (new Set(stories).size !== stories.length) duplicateLists += 1;
    }
    const overall = [...perCategory.values()].reduce((acc, stats) => ({ hits: acc.hits + stats.hits, total: acc.total + stats.total }), { hits: 0, total: 0 });
    console.log(
      `corpus: ${items.length} articles, ${perCategory.size} categories; import ${((imported - started) / 1000).toFixed(1)} s, ${writeTime ? 'lists as stored at publish time' : `rebuild ${((rebuilt - imported) / 1000).toFixed(1)} s`}`,
    );
    if (Object.keys(env).length)
      console.log(
        `settings: ${Object.entries(env)
          .map(([name, value]) => `${name}=${value}`)
          .join(' ')}`,
      );
    console.log(`precision@${TOP} overall: ${(overall.hits / overall.total).toFixed(4)}`);
    for (const [category, stats] of [...perCategory.entries()].sort()) {
      console.log(`  ${category.padEnd(20)} ${(stats.hits / stats.total).toFixed(4)}  (${stats.total / TOP} articles)`);
    }
    console.log(`lists with a duplicate story: ${duplicateLists}`);
  } finally {
    await dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
