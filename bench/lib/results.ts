/** The shape of one benchmark run's results (bench/results/<date>.json). */
import type { CorpusSummary } from '../corpus/generate';
import type { DbClient } from '../corpus/corpus-db';
import type { EndpointId } from './endpoints';
import type { LoadResult } from './load';
import type { MachineInfo } from './machine';
import type { WriteResult } from './writes';

/** `rssMaxMb`: the server's largest VmRSS while this endpoint was under load. */
export type EndpointResult = LoadResult & { id: EndpointId; rssMaxMb: number | null };

export interface PhaseResult {
  responseCache: boolean;
  endpoints: EndpointResult[];
  rssMaxMb: number | null;
  /** Cache-related response headers of a warmed URL requested a second time (warm phase). */
  cacheEvidence?: string;
}

export interface RunResult {
  db: DbClient;
  articles: number;
  corpus: Omit<CorpusSummary, 'samples' | 'refs'>;
  databaseSizeMb: number | null;
  uncached: PhaseResult;
  warm: PhaseResult;
  writes: { ours: WriteResult; plain: WriteResult; rssMaxMb: number | null };
  rssMaxMb: number | null;
  seconds: number;
}

export type TargetStatus = 'PASS' | 'MISS' | 'n/a';

export interface TargetResult {
  id: string;
  label: string;
  db: DbClient;
  articles: number;
  value: number | null;
  limit: number;
  comparator: '>=' | '<=';
  status: TargetStatus;
  detail: string;
}

export interface BenchOptions {
  mode: 'quick' | 'full' | 'custom';
  /** The options as given on the command line. */
  argv: string[];
  dbs: DbClient[];
  sizes: number[];
  duration: number;
  connections: number;
  warmupSeconds: number;
  writes: number;
  writeBudgetSeconds: number;
  news: string | null;
  keep: boolean;
}

export interface BenchReport {
  version: 1;
  date: string;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  options: BenchOptions;
  machine: MachineInfo;
  runs: RunResult[];
  targets: TargetResult[];
  notes: string[];
}
