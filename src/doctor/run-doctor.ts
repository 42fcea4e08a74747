import type { Core } from '@strapi/strapi';
import { NO_PROGRESS, type CheckResult, type DoctorCheck, type Progress } from './doctor-check';
import { slugRegistryCheck } from './slug-registry-check';
import { relatedDocsCheck } from './related-docs-check';
import { relatedTermsCheck } from './related-terms-check';
import { relatedListsCheck } from './related-lists-check';
import { relatedDfCheck } from './related-df-check';
import { teasersCheck } from './teasers-check';
import { goLiveCheck } from './golive-check';
import { searchIndexCheck } from '../search/search-index-check';

/**
 * In repair order: the index's variants first (re-indexing fixes postings, lists and df of
 * those variants on the way), then the rows that hang off them, then df from what is left.
 */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  slugRegistryCheck,
  relatedDocsCheck,
  relatedTermsCheck,
  relatedListsCheck,
  relatedDfCheck,
  teasersCheck,
  goLiveCheck,
  searchIndexCheck,
];

export interface DoctorOptions {
  fix: boolean;
  /** Run only the checks that read a few rows per variant (a large archive at boot). */
  cheapOnly?: boolean;
  progress?: Progress;
  maxReindex?: number;
}

export interface DoctorReport {
  results: CheckResult[];
  /** After a fix: the same checks run again without fixing. */
  recheck: CheckResult[] | null;
  skipped: string[];
  ms: number;
}

export const disagreementCount = (results: readonly CheckResult[]): number =>
  results.reduce((total, result) => total + result.disagreements.reduce((sum, item) => sum + item.count, 0), 0);

/** Runs the checks (and repairs); after repairs, checks again so the caller knows whether all is well now. */
export async function runDoctor(strapi: Core.Strapi, options: DoctorOptions): Promise<DoctorReport> {
  const started = Date.now();
  const checks = DOCTOR_CHECKS.filter((check) => !options.cheapOnly || check.cheap);
  const run = async (fix: boolean) => {
    const results: CheckResult[] = [];
    for (const check of checks)
      results.push(await check.run(strapi, { fix, progress: options.progress ?? NO_PROGRESS, maxReindex: options.maxReindex ?? Number.POSITIVE_INFINITY }));
    return results;
  };
  const results = await run(options.fix);
  const recheck = options.fix && disagreementCount(results) > 0 ? await run(false) : null;
  return { results, recheck, skipped: DOCTOR_CHECKS.filter((check) => !checks.includes(check)).map((check) => check.name), ms: Date.now() - started };
}

/** One line per disagreement kind: "check: kind: count (e.g. a, b)". */
export function describeResults(results: readonly CheckResult[]): string[] {
  return results.flatMap((result) => [
    ...result.disagreements.map((item) => `${result.check}: ${item.kind}: ${item.count}${item.examples.length ? ` (e.g. ${item.examples.join('; ')})` : ''}`),
    ...(result.deferred ? [`${result.check}: ${result.deferred}`] : []),
  ]);
}
