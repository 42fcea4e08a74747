/**
 * Offline evaluation of "related articles" on a news corpus, without a database.
 *
 *   node -r esbuild-register scripts/eval-related-offline.ts <news.jsonl> [flags]
 *
 * Replays the write-time pipeline the app runs when an article is published:
 *   1. analyse the article and add its distinct terms to the (locale, term) df table;
 *   2. store its top-N tf-idf vector in an inverted index and its MinHash fingerprint;
 *   3. retrieve candidates as the SQL query does: other articles of the locale within the
 *      recency window that share a stored term, ranked by the sum of weight products,
 *      at most RELATED_CANDIDATE_LIMIT;
 *   4. rank them with `rankRelated` and keep the top EVALUATED_LIST_SIZE (5).
 * Articles are published in date order; those without a date come after the dated ones, in
 * id order, all at the latest known date (inventing dates from the id order would leak the
 * category, since ids are grouped by topic).
 *
 * After the replay it computes every article's final list once all are indexed, twice:
 * "stored" keeps the vectors written at publish time (a rebuild of the lists only) and
 * "rebuilt" recomputes every vector with the final df table (a full rebuild). It prints
 * precision@5 (share of the 5 slots filled with an article of the target's category; an
 * empty slot counts as a miss) overall and per category, and the number of lists that show
 * one story twice (two items linked by near_duplicate_of, directly or through a chain, or an
 * item that is a copy of the target). The category is used for scoring the output only.
 *
 * Flags (defaults are the values exported by src/domain/related):
 *   --top-n=100 --idf-exponent=0.5 --title-boost=3 --lede-boost=2 --body-boost=1
 *   --threshold=0.4 --candidates=200 --postings-per-term=60 --limit=5 --text=1 --recency=0.2 --half-life=30
 *   --window-days=Infinity  RELATED_RECENCY_WINDOW_DAYS is 365, but 93 % of the corpus dates
 *                           are synthetic, so the harness applies no window unless asked
 *   --order=shuffle         publish in a seeded random order instead of date/id order
 *   --summary=1             one line per variant;  --pairs=0  skip fingerprint pair statistics
 *   --show=N --show-category=NAME   print N final lists (X marks an item of another category)
 * The corpus has no lede field: buildTermVector reads the first paragraph of the body as it.
 *
 * The corpus is third-party text for evaluation only (see its README): it is read from the
 * given path and never copied into the repository.
 */
import { existsSync, readFileSync } from 'fs';

import {
  buildTermVector,
  DEFAULT_FIELD_BOOSTS,
  DEFAULT_IDF_EXPONENT,
  DEFAULT_RELATED_WEIGHTS,
  DEFAULT_TERM_VECTOR_SIZE,
  fingerprintSimilarity,
  fingerprintText,
  NEAR_DUPLICATE_THRESHOLD,
  rankRelated,
  RELATED_CANDIDATE_LIMIT,
  RELATED_POSTINGS_PER_TERM,
  weighTerms,
} from '../src/domain/related';
import type {
  RankedRelated,
  RelatedFeatures,
  RelatedWeights,
  WeightedTerm,
} from '../src/domain/related';

interface Article {
  id: string;
  title: string;
  body: string;
  category: string;
  date?: string;
  near_duplicate_of?: string;
}

interface Settings {
  topN: number;
  titleBoost: number;
  ledeBoost: number;
  bodyBoost: number;
  idfExponent: number;
  threshold: number;
  candidateLimit: number;
  postingsPerTerm: number;
  windowDays: number;
  limit: number;
  weights: RelatedWeights;
  show: number;
  showCategory: string | undefined;
  summary: boolean;
  pairs: boolean;
  shuffle: boolean;
}

const LOCALE = 'bg';
const DAY_MS = 24 * 60 * 60 * 1000;
/** The top of each ranked list that is judged (the feed shows 3 by default, 20 at most). */
const EVALUATED_LIST_SIZE = 5;

function parseFlags(args: readonly string[]): { path: string; settings: Settings } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (const arg of args) {
    const match = /^--([a-z-]+)=(.*)$/u.exec(arg);
    if (match?.[1] !== undefined && match[2] !== undefined) flags.set(match[1], match[2]);
    else positional.push(arg);
  }
  const num = (name: string, fallback: number): number => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got ${raw}`);
    return value;
  };
  const path = positional[0];
  if (!path) throw new Error('usage: eval-related-offline.ts <news.jsonl> [--flag=value ...]');
  return {
    path,
    settings: {
      topN: num('top-n', DEFAULT_TERM_VECTOR_SIZE),
      titleBoost: num('title-boost', DEFAULT_FIELD_BOOSTS.title),
      ledeBoost: num('lede-boost', DEFAULT_FIELD_BOOSTS.lede),
      bodyBoost: num('body-boost', DEFAULT_FIELD_BOOSTS.body),
      idfExponent: num('idf-exponent', DEFAULT_IDF_EXPONENT),
      threshold: num('threshold', NEAR_DUPLICATE_THRESHOLD),
      candidateLimit: num('candidates', RELATED_CANDIDATE_LIMIT),
      postingsPerTerm: num('postings-per-term', RELATED_POSTINGS_PER_TERM),
      windowDays: num('window-days', Number.POSITIVE_INFINITY),
      limit: num('limit', EVALUATED_LIST_SIZE),
      show: num('show', 0),
      showCategory: flags.get('show-category'),
      summary: flags.get('summary') === '1',
      pairs: flags.get('pairs') !== '0',
      shuffle: flags.get('order') === 'shuffle',
      weights: {
        ...DEFAULT_RELATED_WEIGHTS,
        text: num('text', DEFAULT_RELATED_WEIGHTS.text),
        recency: num('recency', DEFAULT_RELATED_WEIGHTS.recency),
        recencyHalfLifeDays: num('half-life', DEFAULT_RELATED_WEIGHTS.recencyHalfLifeDays),
      },
    },
  };
}

function loadArticles(path: string): Article[] {
  if (!existsSync(path)) throw new Error(`corpus not found: ${path}`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, n) => {
      const row = JSON.parse(line) as Partial<Article>;
      if (
        typeof row.id !== 'string' ||
        typeof row.title !== 'string' ||
        typeof row.body !== 'string'
      ) {
        throw new Error(`line ${n + 1}: id, title and body are required`);
      }
      if (typeof row.category !== 'string') throw new Error(`line ${n + 1}: category is required`);
      return row as Article;
    });
}

/** Story groups: articles linked by near_duplicate_of, directly or through a chain. */
function storyGroups(articles: readonly Article[]): Map<string, string> {
  const parent = new Map<string, string>(articles.map((a) => [a.id, a.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  for (const article of articles) {
    const other = article.near_duplicate_of;
    if (other && parent.has(other)) parent.set(find(article.id), find(other));
  }
  return new Map(articles.map((a) => [a.id, find(a.id)]));
}

/** The inverted index and df table the database keeps, in memory. */
class MemoryIndex {
  readonly df = new Map<string, number>();
  totalDocs = 0;
  private readonly postings = new Map<string, Array<{ id: string; weight: number }>>();
  private readonly features = new Map<string, RelatedFeatures>();

  countDocument(terms: Iterable<string>): void {
    this.totalDocs += 1;
    for (const term of terms) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  store(features: RelatedFeatures): void {
    this.features.set(features.documentId, features);
    for (const { term, weight } of features.terms) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push({ id: features.documentId, weight });
    }
  }

  /**
   * The store's candidate query: for each of the target's terms, at most `perTerm` postings
   * on each side of the target's date (the nearest in time, within the window), summed as
   * weight products per document; the best `limit` by sum (document id breaks ties).
   */
  candidates(
    target: RelatedFeatures,
    accept: (c: RelatedFeatures) => boolean,
    limit: number,
    perTerm = Infinity,
  ): RelatedFeatures[] {
    const sums = new Map<string, number>();
    const at = Date.parse(target.publicationDate);
    for (const { term, weight } of target.terms) {
      const near = (this.postings.get(term) ?? [])
        .map((posting) => ({ posting, features: this.features.get(posting.id) }))
        .filter((entry): entry is { posting: { id: string; weight: number }; features: RelatedFeatures } =>
          Boolean(entry.features && entry.features.locale === target.locale && accept(entry.features)))
        .map((entry) => ({ ...entry, time: Date.parse(entry.features.publicationDate) }));
      const before = near.filter((entry) => entry.time <= at).sort((a, b) => b.time - a.time).slice(0, perTerm);
      const after = near.filter((entry) => entry.time > at).sort((a, b) => a.time - b.time).slice(0, perTerm);
      for (const { posting } of [...before, ...after]) {
        if (posting.id === target.documentId) continue;
        sums.set(posting.id, (sums.get(posting.id) ?? 0) + weight * posting.weight);
      }
    }
    const out: Array<[RelatedFeatures, number]> = [];
    for (const [id, sum] of sums) {
      const features = this.features.get(id);
      if (features && features.locale === target.locale && accept(features))
        out.push([features, sum]);
    }
    out.sort((a, b) => b[1] - a[1] || (a[0].documentId < b[0].documentId ? -1 : 1));
    return out.slice(0, limit).map(([features]) => features);
  }
}

interface ListStats {
  precision: number;
  short: boolean;
  duplicate: boolean;
}

function evaluateList(
  target: Article,
  list: readonly RankedRelated[],
  byId: ReadonlyMap<string, Article>,
  groups: ReadonlyMap<string, string>,
  size: number,
): ListStats {
  const same = list.filter(
    (item) => byId.get(item.documentId)?.category === target.category,
  ).length;
  const storyIds = list.map((item) => groups.get(item.documentId));
  const targetStory = groups.get(target.id);
  const duplicate =
    new Set(storyIds).size < storyIds.length || storyIds.some((story) => story === targetStory);
  return { precision: same / size, short: list.length < size, duplicate };
}

function report(
  label: string,
  articles: readonly Article[],
  lists: ReadonlyMap<string, RankedRelated[]>,
  byId: ReadonlyMap<string, Article>,
  groups: ReadonlyMap<string, string>,
  size: number,
  summaryOnly: boolean,
): { overall: number; worstCategory: number; duplicates: number } {
  const perCategory = new Map<string, { sum: number; n: number }>();
  let sum = 0;
  let short = 0;
  let duplicates = 0;
  for (const article of articles) {
    const stats = evaluateList(article, lists.get(article.id) ?? [], byId, groups, size);
    sum += stats.precision;
    if (stats.short) short += 1;
    if (stats.duplicate) duplicates += 1;
    const entry = perCategory.get(article.category) ?? { sum: 0, n: 0 };
    entry.sum += stats.precision;
    entry.n += 1;
    perCategory.set(article.category, entry);
  }
  const result = {
    overall: sum / articles.length,
    worstCategory: Math.min(...[...perCategory.values()].map(({ sum: s, n }) => s / n)),
    duplicates,
  };
  if (summaryOnly) {
    const cats = [...perCategory].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    console.log(
      `${label.padEnd(8)} p@${size}=${(sum / articles.length).toFixed(4)} ` +
        cats.map(([c, { sum: s, n }]) => `${c}=${(s / n).toFixed(3)}`).join(' ') +
        ` dup=${duplicates} short=${short}`,
    );
    return result;
  }
  console.log(`\n${label}`);
  console.log(
    `  precision@${size} overall: ${(sum / articles.length).toFixed(4)}  (${articles.length} lists)`,
  );
  for (const [category, { sum: s, n }] of [...perCategory].sort((a, b) => b[1].n - a[1].n)) {
    console.log(`  ${category.padEnd(18)} ${(s / n).toFixed(4)}  (${n})`);
  }
  console.log(`  lists with a duplicate story: ${duplicates}`);
  console.log(`  lists shorter than ${size}: ${short}`);
  return result;
}

function main(): void {
  const { path, settings } = parseFlags(process.argv.slice(2));
  const articles = loadArticles(path);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groups = storyGroups(articles);
  const started = Date.now();

  const datedTimes = articles.map((a) => (a.date ? Date.parse(`${a.date}T12:00:00Z`) : NaN));
  const latest = Math.max(
    ...datedTimes.filter(Number.isFinite),
    Date.parse('2021-01-01T12:00:00Z'),
  );
  const timeOf = new Map(
    articles.map((a, i) => [
      a.id,
      Number.isFinite(datedTimes[i]) ? (datedTimes[i] as number) : latest,
    ]),
  );
  // --order=shuffle publishes in a fixed pseudo-random order instead (all at one date), to
  // check that the stored vectors do not depend on the topic-grouped id order.
  let seed = 42;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const shuffleKey = new Map(articles.map((a) => [a.id, random()]));
  if (settings.shuffle) for (const a of articles) timeOf.set(a.id, latest);
  const order = [...articles].sort(
    (a, b) =>
      (timeOf.get(a.id) ?? 0) - (timeOf.get(b.id) ?? 0) ||
      (settings.shuffle ? (shuffleKey.get(a.id) ?? 0) - (shuffleKey.get(b.id) ?? 0) : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  const fieldBoosts = {
    title: settings.titleBoost,
    lede: settings.ledeBoost,
    body: settings.bodyBoost,
  };
  const weighOptions = { idfExponent: settings.idfExponent };
  // The corpus has no lede field: buildTermVector reads the body's first paragraph as the lede.
  const fieldsOf = (a: Article) => ({ title: a.title, body: a.body });
  const tfOf = new Map<string, Record<string, number>>();
  const windowMs = settings.windowDays * DAY_MS; // Infinity stays Infinity
  const rankOptions = (now: Date) => ({
    weights: settings.weights,
    now,
    limit: settings.limit,
    duplicateThreshold: settings.threshold,
  });

  // Write time: each article is analysed, counted, stored and ranked against earlier ones.
  const live = new MemoryIndex();
  const stored = new Map<string, RelatedFeatures>();
  const writeTimeLists = new Map<string, RankedRelated[]>();
  for (const article of order) {
    const tf = buildTermVector(fieldsOf(article), LOCALE, { fieldBoosts });
    tfOf.set(article.id, tf);
    live.countDocument(Object.keys(tf));
    const time = timeOf.get(article.id) ?? latest;
    const features: RelatedFeatures = {
      documentId: article.id,
      locale: LOCALE,
      publicationDate: new Date(time).toISOString(),
      tags: [],
      section: null,
      agency: null,
      terms: weighTerms(
        tf,
        (term) => live.df.get(term) ?? 0,
        live.totalDocs,
        settings.topN,
        weighOptions,
      ),
      fingerprint: fingerprintText(`${article.title}\n\n${article.body}`, LOCALE),
    };
    const now = new Date(time);
    const candidates = live.candidates(
      features,
      (c) =>
        Date.parse(c.publicationDate) >= time - windowMs && Date.parse(c.publicationDate) <= time,
      settings.candidateLimit,
      settings.postingsPerTerm,
    );
    writeTimeLists.set(article.id, rankRelated(features, candidates, rankOptions(now)));
    live.store(features);
    stored.set(article.id, features);
  }

  // After everything is indexed: the lists a rebuild computes, with stored or fresh vectors.
  const rebuildNow = new Date(latest);
  const finalLists = (index: MemoryIndex, features: ReadonlyMap<string, RelatedFeatures>) => {
    const lists = new Map<string, RankedRelated[]>();
    for (const article of order) {
      const target = features.get(article.id);
      if (!target) continue;
      const time = Date.parse(target.publicationDate);
      const candidates = index.candidates(
        target,
        (c) => Math.abs(Date.parse(c.publicationDate) - time) <= windowMs,
        settings.candidateLimit,
        settings.postingsPerTerm,
      );
      lists.set(article.id, rankRelated(target, candidates, rankOptions(rebuildNow)));
    }
    return lists;
  };
  const storedLists = finalLists(live, stored);

  const rebuiltIndex = new MemoryIndex();
  for (const [term, n] of live.df) rebuiltIndex.df.set(term, n);
  rebuiltIndex.totalDocs = live.totalDocs;
  const rebuilt = new Map<string, RelatedFeatures>();
  for (const [id, features] of stored) {
    const terms: WeightedTerm[] = weighTerms(
      tfOf.get(id) ?? {},
      (term) => rebuiltIndex.df.get(term) ?? 0,
      rebuiltIndex.totalDocs,
      settings.topN,
      weighOptions,
    );
    const fresh = { ...features, terms };
    rebuilt.set(id, fresh);
    rebuiltIndex.store(fresh);
  }
  const rebuiltLists = finalLists(rebuiltIndex, rebuilt);

  console.log(
    `corpus: ${articles.length} articles, ${articles.filter((a) => a.date).length} dated`,
  );
  console.log(
    `settings: topN=${settings.topN} idfExponent=${settings.idfExponent} boosts title=${settings.titleBoost} ` +
      `lede=${settings.ledeBoost} body=${settings.bodyBoost} ` +
      `threshold=${settings.threshold} candidates=${settings.candidateLimit} postingsPerTerm=${settings.postingsPerTerm} window=${Number.isFinite(settings.windowDays) ? `${settings.windowDays}d` : 'none'} ` +
      `weights=${JSON.stringify(settings.weights)}`,
  );

  // How well the fingerprint threshold separates the marked copies from the rest.
  const marked: number[] = [];
  if (settings.pairs) {
    let unmarkedAbove = 0;
    let crossCategoryAbove = 0;
    for (let i = 0; i < order.length; i += 1) {
      const a = order[i] as Article;
      const fa = stored.get(a.id)?.fingerprint ?? '';
      for (let j = i + 1; j < order.length; j += 1) {
        const b = order[j] as Article;
        const similarity = fingerprintSimilarity(fa, stored.get(b.id)?.fingerprint ?? '');
        if (groups.get(a.id) === groups.get(b.id)) marked.push(similarity);
        else if (similarity >= settings.threshold) {
          unmarkedAbove += 1;
          if (a.category !== b.category) crossCategoryAbove += 1;
        }
      }
    }
    marked.sort((x, y) => x - y);
    console.log(
      `fingerprints: ${marked.length} pairs of one story (near_duplicate_of), lowest similarity ` +
        `${(marked[0] ?? NaN).toFixed(3)}, below threshold ${marked.filter((s) => s < settings.threshold).length}; ` +
        `other pairs at or above threshold ${unmarkedAbove} (across categories ${crossCategoryAbove})`,
    );
  }

  report(
    settings.summary ? 'write' : 'write time (each list sees only earlier articles)',
    order,
    writeTimeLists,
    byId,
    groups,
    settings.limit,
    settings.summary,
  );
  const storedResult = report(
    settings.summary ? 'stored' : 'final lists, stored write-time vectors',
    order,
    storedLists,
    byId,
    groups,
    settings.limit,
    settings.summary,
  );
  const rebuiltResult = report(
    settings.summary ? 'rebuilt' : 'final lists, full rebuild (vectors from the final df)',
    order,
    rebuiltLists,
    byId,
    groups,
    settings.limit,
    settings.summary,
  );

  // Targets: precision@5 >= 0.95 overall and >= 0.92 in every category, no duplicate story.
  const meets = (r: { overall: number; worstCategory: number; duplicates: number }): string =>
    r.overall >= 0.95 && r.worstCategory >= 0.92 && r.duplicates === 0 ? 'met' : 'NOT met';
  console.log(
    `\ntargets (p@5 >= 0.95 overall, >= 0.92 per category, 0 duplicates): ` +
      `stored ${meets(storedResult)}, rebuilt ${meets(rebuiltResult)}`,
  );

  const shown = order.filter((a) => !settings.showCategory || a.category === settings.showCategory);
  for (const article of shown.slice(0, settings.show)) {
    console.log(`\n${article.category} | ${article.title}`);
    for (const item of rebuiltLists.get(article.id) ?? []) {
      const other = byId.get(item.documentId);
      console.log(
        `  ${item.score.toFixed(3)} ${other?.category === article.category ? ' ' : 'X'} ${other?.title ?? item.documentId}`,
      );
    }
  }
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
