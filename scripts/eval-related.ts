/**
 * npm run eval:related -- <corpus.jsonl> [--limit N]
 *
 * Imports a labelled JSON Lines corpus (title, body, category, id, date?, near_duplicate_of?)
 * into a fresh SQLite database through the Document Service (so slugs, dates, teasers and the
 * related index are made as in production), runs the full related rebuild as an archive
 * import would, and prints precision@5 (share of the five related stories in the article's own
 * category) overall and per category, and how many lists hold the same story twice.
 */
import fs from 'fs';
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
    if (item.near_duplicate_of !== undefined && parent.has(String(item.near_duplicate_of))) parent.set(find(String(item.id)), find(String(item.near_duplicate_of)));
  }
  return find;
}

async function main() {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || !fs.existsSync(file)) throw new Error('usage: npm run eval:related -- <corpus.jsonl> [--limit N]');
  const limitIndex = rest.indexOf('--limit');
  const limit = limitIndex >= 0 ? Number(rest[limitIndex + 1]) : Infinity;
  const items = readCorpus(file, limit);
  const { strapi, dispose } = await bootScratchApp();
  const started = Date.now();
  try {
    const byDocument = await importCorpus(strapi, items);
    const imported = Date.now();
    await rebuildRelated(strapi, { restart: true });
    const rebuilt = Date.now();

    const story = storyOf(items);
    const lists = await createRelatedStore(strapi.db.connection).getLists([...byDocument.keys()], 'bg');
    const perCategory = new Map<string, { hits: number; total: number }>();
    let duplicateLists = 0;
    for (const [documentId, item] of byDocument) {
      const top = (lists.get(documentId) ?? []).slice(0, TOP).map((entry) => byDocument.get(entry.documentId)).filter((entry): entry is CorpusItem => Boolean(entry));
      const stats = perCategory.get(item.category) ?? { hits: 0, total: 0 };
      stats.hits += top.filter((entry) => entry.category === item.category).length;
      stats.total += TOP;
      perCategory.set(item.category, stats);
      const stories = [story(String(item.id)), ...top.map((entry) => story(String(entry.id)))];
      if (new Set(stories).size !== stories.length) duplicateLists += 1;
    }
    const overall = [...perCategory.values()].reduce((acc, stats) => ({ hits: acc.hits + stats.hits, total: acc.total + stats.total }), { hits: 0, total: 0 });
    console.log(`corpus: ${items.length} articles, ${perCategory.size} categories; import ${((imported - started) / 1000).toFixed(1)} s, rebuild ${((rebuilt - imported) / 1000).toFixed(1)} s`);
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
