/**
 * The targets, as ratios computed within one run (never against numbers from
 * another run or machine). They are stated for 100,000 articles; a run that stops at a
 * smaller size still shows them, marked with the size they were computed at.
 */
import type { DbClient } from '../corpus/corpus-db';
import type { EndpointId } from './endpoints';
import type { EndpointResult, PhaseResult, RunResult, TargetResult } from './results';

export const TARGET_SIZE = 100_000;
export const MEMORY_LIMIT_MB = 400;
/** Uncached by-slug and related against `/_health`: each SQL statement is a network round trip on PostgreSQL. */
const HEALTH_SHARE: Record<DbClient, number> = { sqlite: 0.5, postgres: 0.3 };
/** Public endpoints of ours whose p99 at 100,000 articles must stay within 1.5 × their p99 at 1,000. */
const SCALING_ENDPOINTS: EndpointId[] = [
  'by-slug',
  'related',
  'seo',
  'latest',
  'comment-counts',
  'graphql-related',
  'search',
  'feed-rss',
  'feed-json',
  'sitemap-news',
  'sitemap-index',
  'graphql-get',
];

function endpoint(phase: PhaseResult, id: EndpointId): EndpointResult | undefined {
  return phase.endpoints.find((result) => result.id === id);
}

interface Check {
  id: string;
  label: string;
  limit: number;
  comparator: '>=' | '<=';
  value(run: RunResult, smallest: RunResult): { value: number | null; detail: string };
}

/** Checks whose limit depends on the database. */
type CheckOf = (db: DbClient) => Check;

const fmt = (value: number, digits = 0): string => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** a / b for two measured endpoints, or null with the reason one of them is unusable. */
function rpsRatio(a: EndpointResult | undefined, b: EndpointResult | undefined): { value: number | null; detail: string } {
  if (!a || !b) return { value: null, detail: 'not measured' };
  const problem = a.problem ?? b.problem;
  if (problem || b.rps === 0) return { value: null, detail: problem ?? 'no requests completed' };
  return { value: a.rps / b.rps, detail: `${fmt(a.rps)} / ${fmt(b.rps)} req/s` };
}

function p99Scaling(large: EndpointResult | undefined, small: EndpointResult | undefined, sizes: [number, number]): { value: number | null; detail: string } {
  if (sizes[0] === sizes[1]) return { value: null, detail: 'needs two corpus sizes in one run (e.g. 1,000 and 100,000)' };
  if (!large || !small || large.problem || small.problem || small.p99 === 0) return { value: null, detail: large?.problem ?? small?.problem ?? 'not measured' };
  return { value: large.p99 / small.p99, detail: `p99 ${fmt(large.p99)} ms at ${fmt(sizes[0])} / ${fmt(small.p99)} ms at ${fmt(sizes[1])}` };
}

const CHECKS: CheckOf[] = [
  ...(['by-slug', 'related'] as const).map((id) => () => ({
    id: `warm-${id}-vs-health`,
    label: `warm ${id === 'by-slug' ? 'article by slug' : 'related feed'} ≥ 2 × /_health req/s`,
    limit: 2,
    comparator: '>=' as const,
    value: (run: RunResult) => rpsRatio(endpoint(run.warm, id), endpoint(run.warm, 'health')),
  })),
  ...(['by-slug', 'related'] as const).map((id) => () => ({
    id: `${id}-vs-core-slug`,
    label: `uncached ${id === 'by-slug' ? 'article by slug' : 'related feed'} ≥ 3 × core find filtered by slug`,
    limit: 3,
    comparator: '>=' as const,
    value: (run: RunResult) => rpsRatio(endpoint(run.uncached, id), endpoint(run.uncached, 'core-filter-slug')),
  })),
  ...(['by-slug', 'related'] as const).map((id) => (db: DbClient) => ({
    id: `${id}-vs-health`,
    label: `uncached ${id === 'by-slug' ? 'article by slug' : 'related feed'} ≥ ${HEALTH_SHARE[db]} × /_health req/s`,
    limit: HEALTH_SHARE[db],
    comparator: '>=' as const,
    value: (run: RunResult) => rpsRatio(endpoint(run.uncached, id), endpoint(run.uncached, 'health')),
  })),
  () => ({
    id: 'search-vs-core-containsi',
    label: 'uncached search ≥ 3 × core $containsi on title',
    limit: 3,
    comparator: '>=',
    value: (run) => rpsRatio(endpoint(run.uncached, 'search'), endpoint(run.uncached, 'core-containsi-title')),
  }),
  ...SCALING_ENDPOINTS.map((id) => () => ({
    id: `p99-scaling-${id}`,
    label: `${id} p99 at 100,000 ≤ 1.5 × p99 at 1,000 (uncached)`,
    limit: 1.5,
    comparator: '<=' as const,
    value: (run: RunResult, smallest: RunResult) => p99Scaling(endpoint(run.uncached, id), endpoint(smallest.uncached, id), [run.articles, smallest.articles]),
  })),
  () => ({
    id: 'create-publish-p95',
    label: 'create-and-publish p95 with our write-time behaviour ≤ 3 × plain Strapi',
    limit: 3,
    comparator: '<=',
    value: (run) => {
      const { ours, plain } = run.writes;
      if (ours.creates === 0 || plain.creates === 0 || plain.p95 === 0) return { value: null, detail: ours.problem ?? plain.problem ?? 'no timed creates' };
      return { value: ours.p95 / plain.p95, detail: `p95 ${fmt(ours.p95)} ms / ${fmt(plain.p95)} ms` };
    },
  }),
  () => ({
    id: 'server-rss',
    label: `server resident memory under load ≤ ${MEMORY_LIMIT_MB} MB`,
    limit: MEMORY_LIMIT_MB,
    comparator: '<=',
    value: (run) =>
      run.rssMaxMb === null ? { value: null, detail: '/proc not readable' } : { value: run.rssMaxMb, detail: `max VmRSS of the server process, MB` },
  }),
];

function status(check: Check, value: number | null, detail: string): TargetResult['status'] {
  if (value === null) return detail.startsWith('needs two') || detail.startsWith('/proc') ? 'n/a' : 'MISS';
  return (check.comparator === '>=' ? value >= check.limit : value <= check.limit) ? 'PASS' : 'MISS';
}

/** Every target, per database, at the largest corpus of the run (the smallest is the p99 baseline). */
export function evaluateTargets(runs: readonly RunResult[]): TargetResult[] {
  const dbs = [...new Set(runs.map((run) => run.db))] as DbClient[];
  return dbs.flatMap((db) => {
    const ofDb = runs.filter((run) => run.db === db).sort((a, b) => a.articles - b.articles);
    const smallest = ofDb[0];
    const largest = ofDb[ofDb.length - 1];
    if (!smallest || !largest) return [];
    return CHECKS.map((checkOf) => {
      const check = checkOf(db);
      const { value, detail } = check.value(largest, smallest);
      const note = largest.articles < TARGET_SIZE ? ` (at ${fmt(largest.articles)} articles; the target is for ${fmt(TARGET_SIZE)})` : '';
      return {
        id: check.id,
        label: check.label,
        db,
        articles: largest.articles,
        value,
        limit: check.limit,
        comparator: check.comparator,
        status: status(check, value, detail),
        detail: detail + note,
      };
    });
  });
}
