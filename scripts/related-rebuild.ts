/**
 * npm run related:rebuild [-- --restart]
 *
 * Recomputes the related-article index and every stored list from the published articles, as
 * an archive import needs. Two passes in publication order: analyse every article (terms,
 * document frequencies, fingerprints), then compute every list against the full index.
 * Resumable: progress is saved every 50 articles, and a rerun continues where it stopped
 * (--restart starts over).
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import type { Core } from '@strapi/strapi';
import { bootForScript, runWhenMain } from './boot';
import { createRelatedIndexer } from '../src/related/related-indexer';
import { DF, DOCS, LISTS, TERMS } from '../src/related/related-store';
import { ARTICLE } from '../src/uids';

const STORE = { type: 'core' as const, name: 'novinar', key: 'related-rebuild' };
interface Progress {
  phase: 'index' | 'lists';
  done: number;
}

async function publishedVariants(strapi: Core.Strapi): Promise<Array<{ documentId: string; locale: string }>> {
  return (await strapi.db.query(ARTICLE).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'locale'],
    orderBy: [{ publicationDate: 'asc' }, { id: 'asc' }],
  })) as Array<{ documentId: string; locale: string }>;
}

export async function rebuildRelated(strapi: Core.Strapi, options: { restart?: boolean; quiet?: boolean } = {}): Promise<number> {
  const indexer = createRelatedIndexer(strapi);
  let progress = options.restart ? null : ((await strapi.store.get(STORE)) as Progress | null);
  if (!progress) {
    for (const table of [LISTS, TERMS, DF, DOCS]) await strapi.db.connection(table).delete();
    progress = { phase: 'index', done: 0 };
  }
  const variants = await publishedVariants(strapi);
  for (const phase of ['index', 'lists'] as const) {
    if (phase === 'index' && progress.phase === 'lists') continue;
    const bar = options.quiet
      ? null
      : new SingleBar({ format: `${phase === 'index' ? 'analyse' : 'lists  '} [{bar}] {value}/{total} {eta_formatted}` }, Presets.shades_classic);
    const start = progress.phase === phase ? progress.done : 0;
    bar?.start(variants.length, start);
    for (let i = start; i < variants.length; i += 1) {
      const { documentId, locale } = variants[i];
      if (phase === 'index') await indexer.index(documentId, locale, { computeLists: false });
      else await indexer.recomputeList(documentId, locale);
      if ((i + 1) % 50 === 0) await strapi.store.set({ ...STORE, value: { phase, done: i + 1 } });
      bar?.update(i + 1);
    }
    bar?.stop();
    progress = { phase: 'lists', done: 0 };
    await strapi.store.set({ ...STORE, value: progress });
  }
  await strapi.store.delete(STORE);
  return variants.length;
}

async function main() {
  const { values } = parseArgs({ options: { restart: { type: 'boolean', default: false } } });
  const strapi = await bootForScript();
  try {
    const count = await rebuildRelated(strapi, { restart: values.restart });
    console.log(`rebuilt related lists for ${count} published article variants`);
  } finally {
    await strapi.destroy();
  }
}

runWhenMain(module, main);
