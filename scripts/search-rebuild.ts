/**
 * npm run search:rebuild
 *
 * Rebuilds the search index (src/search) from the published articles, with a progress bar: after
 * an archive import, a restore, or a change of the text analysis (src/domain/text, src/domain/search).
 */
import { SingleBar, Presets } from 'cli-progress';
import { bootForScript, runWhenMain } from './boot';
import { rebuildSearch } from '../src/search/rebuild-search';
import type { Progress } from '../src/doctor/doctor-check';

export function progressBar(): Progress {
  let bar: SingleBar | null = null;
  return {
    start(label, total) {
      bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {eta_formatted}` }, Presets.shades_classic);
      bar.start(total, 0);
    },
    increment: () => bar?.increment(),
    stop: () => bar?.stop(),
  };
}

async function main() {
  if (process.argv.length > 2) throw new Error(`unknown option(s): ${process.argv.slice(2).join(' ')}`);
  const strapi = await bootForScript();
  try {
    const count = await rebuildSearch(strapi, progressBar());
    console.log(`indexed ${count} published article variants for search`);
  } finally {
    await strapi.destroy();
  }
}

runWhenMain(module, main);
