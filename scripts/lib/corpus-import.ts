/**
 * A labelled news corpus in JSON Lines (title, body, category, id, date?,
 * near_duplicate_of?) imported into a scratch SQLite database through the Document Service, so
 * slugs, dates, teasers and the related and search indexes are made as in production (unless the
 * caller boots with NOVINAR_WRITE_MIDDLEWARES=false). Shared by
 * the evaluation scripts (eval:related, eval:search); the corpus is read from its path, never
 * copied into the project.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { bootForScript } from '../boot';
import { ARTICLE } from '../../src/uids';

export interface CorpusItem {
  id: string | number;
  title: string;
  body: string;
  category: string;
  date?: string;
  near_duplicate_of?: string | number;
}

export function readCorpus(file: string, limit = Infinity): CorpusItem[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((line) => JSON.parse(line) as CorpusItem);
}

/** Boots the app on a fresh SQLite file in a temporary directory; `dispose` destroys it and the files. */
export async function bootScratchApp(env: Record<string, string> = {}): Promise<{ strapi: Core.Strapi; dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'novinar-eval-'));
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'eval.db'), SEED_DEMO: 'false', RESPONSE_CACHE: 'false', ...env });
  const strapi = await bootForScript();
  return {
    strapi,
    async dispose() {
      await strapi.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Publishes every item as a bg article (undated items get dates after the newest dated one, a
 * second apart, in file order); returns the items by the documentId they got.
 */
export async function importCorpus(strapi: Core.Strapi, items: readonly CorpusItem[]): Promise<Map<string, CorpusItem>> {
  const latest =
    items
      .map((item) => item.date)
      .filter((date): date is string => Boolean(date) && !Number.isNaN(Date.parse(date as string)))
      .sort()
      .pop() ?? '2020-01-01T00:00:00.000Z';
  const byDocument = new Map<string, CorpusItem>();
  for (const [index, item] of items.entries()) {
    const date = item.date && !Number.isNaN(Date.parse(item.date)) ? new Date(item.date) : new Date(Date.parse(latest) + index * 1000);
    const body = item.body.split(/\n\s*\n/).map((text) => ({ type: 'paragraph', children: [{ type: 'text', text: text.trim() }] }));
    const created = await strapi.documents(ARTICLE).create({
      locale: 'bg',
      status: 'published',
      data: { title: item.title.slice(0, 200), body, publicationDate: date.toISOString() } as never,
    });
    byDocument.set(created.documentId, item);
    if ((index + 1) % 200 === 0) process.stderr.write(`imported ${index + 1}/${items.length}\n`);
  }
  return byDocument;
}
