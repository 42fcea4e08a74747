/**
 * Benchmark corpus generator: fills a database whose schema Strapi has created with N
 * published articles and everything around them, writing rows directly (see corpus-db.ts).
 *
 * As a command (the runner calls `generateCorpus` itself):
 *   node -r esbuild-register bench/corpus/generate.ts --articles 100000 [--db sqlite|postgres]
 *        [--news ../shared/data/news.jsonl] [--drop]
 * creates a fresh database, lets the app create its tables, fills it and prints where it is.
 */
import { env } from '@strapi/utils';
import novinarConfig from '../../config/novinar';
import { computeRelatedList, indexArticle, type IndexableArticle, type RelatedSettings } from '../../src/related/related-indexer';
import { createRelatedStore } from '../../src/related/related-store';
import { parseArgs } from 'node:util';
import { positiveInt } from '../lib/args';
import { searchDocumentOf } from '../../src/search/search-indexer';
import { SEARCH_DOCS, searchEngineForClient } from '../../src/search/search-engine';
import { createDatabase, databaseSizeMb, describeDatabase, dropDatabase } from '../lib/databases';
import { compileApp, createSchema } from '../lib/server-process';
import { createArticleFactory, type ArticleSpec } from './article-factory';
import { addVariantRows, LinkOrder, VariantRowIds } from './article-rows';
import { knexFor, openCorpusDb, type Batch, type Row, type CorpusDb, type DbClient, type DbTarget } from './corpus-db';
import { buildEntities, type Entities, type IdCursor } from './entity-rows';
import { createRng, type Rng } from './rng';
import { loadTextSource, type CorpusLocale } from './text-source';

export interface GenerateOptions {
  target: DbTarget;
  articles: number;
  newsPath?: string;
  seed?: number;
  /** Share of stories that also get an English variant. */
  englishShare?: number;
  articlesPerDay?: number;
  log?: (line: string) => void;
}

export interface CorpusSample {
  slug: string;
  documentId: string;
  locale: CorpusLocale;
  title: string;
}

export interface CorpusSummary {
  articles: number;
  variants: number;
  comments: number;
  seconds: number;
  phases: Record<string, number>;
  textSource: string;
  /** Published variants spread over the corpus, for the load phases' URL sets. */
  samples: CorpusSample[];
  /** What a write needs to connect to: documentIds of bg tags/sections/agencies, cover file ids. */
  refs: { tags: string[]; sections: string[]; agencies: string[]; covers: number[] };
  newest: string;
}

const BATCH_ARTICLES = 500;
/** Variants indexed per transaction (SQLite would otherwise commit, and sync, every statement). */
const INDEX_CHUNK = 200;
const SAMPLE_SIZE: Record<CorpusLocale, number> = { bg: 3000, en: 500 };
const TABLES_WITH_IDS = ['articles', 'teasers', 'comments', 'tags', 'sections', 'source_agencies', 'files', SEARCH_DOCS];

/** The app's related settings as the server will read them (same env, same defaults). */
export function relatedSettings(): RelatedSettings {
  return novinarConfig({ env } as Parameters<typeof novinarConfig>[0]).related;
}

/** A variant to index: its paragraphs are the generator's pooled strings, joined only when it is indexed. */
type PendingVariant = Omit<IndexableArticle, 'body'> & { paragraphs: readonly string[] };

/**
 * The related index and every stored list, written by the app's own functions on the app's
 * store, in two passes like `npm run related:rebuild`: index every variant in publication
 * order (document frequencies of that moment), then compute each list against the full index.
 */
async function indexRelated(target: DbTarget, pending: readonly PendingVariant[], log: (line: string) => void): Promise<void> {
  const knex = knexFor(target);
  const settings = relatedSettings();
  const at = new Date();
  const order = [...pending].sort((a, b) => a.publicationDate.localeCompare(b.publicationDate));
  try {
    for (const pass of ['index', 'lists'] as const) {
      for (let i = 0; i < order.length; i += INDEX_CHUNK) {
        await knex.transaction(async (trx) => {
          const store = createRelatedStore(trx);
          for (const variant of order.slice(i, i + INDEX_CHUNK)) {
            if (pass === 'index') {
              const { paragraphs, ...rest } = variant;
              await indexArticle(store, { ...rest, body: paragraphs.join('\n\n') }, settings.topTerms);
            } else {
              const doc = await store.getDoc(variant.documentId, variant.locale);
              if (doc) await computeRelatedList(store, doc.features, settings, at);
            }
          }
        });
      }
      log(`  related ${pass === 'index' ? 'index' : 'lists'}: ${order.length} variants`);
    }
  } finally {
    await knex.destroy();
  }
}

async function createIdCursor(db: CorpusDb): Promise<IdCursor> {
  const next = new Map<string, number>();
  for (const table of TABLES_WITH_IDS) next.set(table, (await db.maxId(table)) + 1);
  return {
    next(table) {
      const id = next.get(table);
      if (id === undefined) throw new Error(`no id cursor for ${table}`);
      next.set(table, id + 1);
      return id;
    },
  };
}

/** Keeps a uniform random sample of published variants per locale (reservoir sampling). */
function createSampler(rng: Rng) {
  const kept: Record<CorpusLocale, CorpusSample[]> = { bg: [], en: [] };
  const seen: Record<CorpusLocale, number> = { bg: 0, en: 0 };
  return {
    offer(sample: CorpusSample) {
      const list = kept[sample.locale];
      seen[sample.locale] += 1;
      if (list.length < SAMPLE_SIZE[sample.locale]) list.push(sample);
      else {
        const slot = Math.floor(rng.next() * seen[sample.locale]);
        if (slot < list.length) list[slot] = sample;
      }
    },
    all: (): CorpusSample[] => [...kept.bg, ...kept.en],
  };
}

function push(batch: Batch, table: string, rows: readonly Row[]): void {
  const existing = batch.get(table);
  if (!existing) batch.set(table, [...rows]);
  else for (const row of rows) existing.push(row);
}

export async function generateCorpus(options: GenerateOptions): Promise<CorpusSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const phases: Record<string, number> = {};
  const source = loadTextSource(options.newsPath);
  const newest = new Date(Date.now() - 10 * 60_000);
  const rng = createRng((options.seed ?? 20251222) ^ 0x5eed);
  const db = await openCorpusDb(options.target);
  let closed = false;
  try {
    const ids = await createIdCursor(db);
    let batch: Batch = new Map();
    const entities = buildEntities(rng, ids, source.tags, new Date(newest.getTime() - 400 * 86_400_000), batch);
    await db.write(batch);
    batch = new Map();

    const build = createArticleFactory(source, {
      articles: options.articles,
      newest,
      articlesPerDay: options.articlesPerDay ?? 150,
      englishShare: options.englishShare ?? 0.1,
      seed: options.seed ?? 20251222,
    });
    const pending: PendingVariant[] = [];
    const rowIds = new VariantRowIds(options.articles);
    const order = new LinkOrder();
    const sampler = createSampler(rng);
    let variants = 0;
    let comments = 0;
    // The search index (src/search): the app's own index documents and rows.
    const searchEngine = searchEngineForClient(options.target.client);

    const addArticle = (spec: ArticleSpec) => {
      comments += spec.comments.length;
      for (const variant of spec.variants) {
        variants += 1;
        addVariantRows({ spec, variant, entities, ids, rowIds, order, batch });
        pending.push({ ...variantFeatures(spec, entities, variant.locale), title: variant.title, lede: variant.lede, paragraphs: variant.paragraphs });
        const searchDoc = searchDocumentOf({
          documentId: spec.documentId,
          locale: variant.locale,
          title: variant.title,
          lede: variant.lede,
          body: variant.paragraphs.join('\n\n'),
          publicationDate: spec.publicationDate,
        });
        for (const { table, row } of searchEngine.indexRows(searchDoc, ids.next(SEARCH_DOCS))) push(batch, table, [row]);
        sampler.offer({ slug: variant.slug, documentId: spec.documentId, locale: variant.locale, title: variant.title });
      }
    };

    const step = Math.max(BATCH_ARTICLES, Math.ceil(options.articles / 10 / BATCH_ARTICLES) * BATCH_ARTICLES);
    for (let i = 0; i < options.articles; i += 1) {
      addArticle(build(i));
      if ((i + 1) % BATCH_ARTICLES === 0 || i + 1 === options.articles) {
        await db.write(batch);
        batch = new Map();
      }
      if ((i + 1) % step === 0) log(`  ${i + 1} articles written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    phases.articles = (Date.now() - started) / 1000;

    await db.finish(TABLES_WITH_IDS);
    phases.finish = (Date.now() - started) / 1000 - phases.articles;
    await db.close();
    closed = true;
    await indexRelated(options.target, pending, log);
    phases.relatedLists = (Date.now() - started) / 1000 - phases.articles - phases.finish;

    return {
      articles: options.articles,
      variants,
      comments,
      seconds: (Date.now() - started) / 1000,
      phases,
      textSource: source.description,
      samples: sampler.all(),
      refs: {
        tags: entities.tags.map((tag) => tag.documentId),
        sections: entities.sections.map((section) => section.documentId),
        agencies: entities.agencies.map((agency) => agency.documentId),
        covers: entities.covers.map((cover) => cover.id),
      },
      newest: newest.toISOString(),
    };
  } finally {
    if (!closed) await db.close();
  }
}

function variantFeatures(spec: ArticleSpec, entities: Entities, locale: CorpusLocale) {
  return {
    documentId: spec.documentId,
    locale,
    publicationDate: spec.publicationDate.toISOString(),
    tags: spec.tagIndexes.map((tag) => entities.tags[tag]?.documentId).filter((id): id is string => Boolean(id)),
    section: entities.sections[spec.sectionIndex]?.documentId ?? null,
    agency: entities.agencies[spec.agencyIndex]?.documentId ?? null,
  };
}

// ---- command line -----------------------------------------------------------------------

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      articles: { type: 'string' },
      db: { type: 'string', default: 'sqlite' },
      news: { type: 'string' },
      seed: { type: 'string' },
      drop: { type: 'boolean', default: false },
    },
  });
  const articles = positiveInt(args.articles, 'articles') ?? 1000;
  const client = args.db as DbClient;
  if (client !== 'sqlite' && client !== 'postgres') throw new Error('--db must be sqlite or postgres');
  const started = Date.now();
  process.stdout.write('compiling the app (tsc)…\n');
  await compileApp();
  const target = await createDatabase(client, articles);
  process.stdout.write(`creating the schema in ${describeDatabase(target)} (booting the app once)…\n`);
  await createSchema(target, 13_390);
  const schemaSeconds = (Date.now() - started) / 1000;
  process.stdout.write(`generating ${articles} articles…\n`);
  const summary = await generateCorpus({
    target,
    articles,
    newsPath: args.news,
    seed: positiveInt(args.seed, 'seed'),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const size = await databaseSizeMb(target);
  process.stdout.write(
    `done: ${summary.articles} articles (${summary.variants} locale variants, ${summary.comments} comments) in ${summary.seconds.toFixed(1)} s ` +
      `(articles ${summary.phases.articles?.toFixed(1)} s, related lists ${summary.phases.relatedLists?.toFixed(1)} s, finish ${summary.phases.finish?.toFixed(1)} s; ` +
      `compile + schema ${schemaSeconds.toFixed(1)} s)\ntext: ${summary.textSource}\ndatabase: ${describeDatabase(target)}${size === null ? '' : `, ${size.toFixed(0)} MB`}\n`,
  );
  if (args.drop) await dropDatabase(target);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
