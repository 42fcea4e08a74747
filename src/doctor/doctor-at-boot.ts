import type { Core } from '@strapi/strapi';
import { articleRowCount } from './content-rows';
import { describeResults, disagreementCount, runDoctor } from './run-doctor';

export interface DoctorSettings {
  /** DOCTOR_AT_BOOT: check and repair the derived tables on every start. */
  atBoot: boolean;
  /** Above this many article rows only the cheap checks run at boot. */
  bootMaxVariants: number;
  /** Most variants re-indexed at boot; the rest is left for `npm run doctor -- --fix`. */
  bootMaxReindex: number;
}

/**
 * Repairs what a crash (kill -9 between a write and its follow-ups, on an older version) left
 * in the derived tables, before the server takes requests. Bounded, so a large archive still
 * starts quickly: the checks that read every posting and term list wait for the CLI. A failure
 * is logged and does not stop the start: the derived data is not worse than before.
 */
export async function doctorAtBoot(strapi: Core.Strapi, settings: DoctorSettings): Promise<void> {
  if (!settings.atBoot) return;
  try {
    const variants = await articleRowCount(strapi);
    const cheapOnly = variants > settings.bootMaxVariants;
    const report = await runDoctor(strapi, { fix: true, cheapOnly, maxReindex: settings.bootMaxReindex });
    if (cheapOnly) {
      strapi.log.info(
        `[doctor] ${variants} article variants: at boot only the cheap checks ran (${report.skipped.join(', ')} skipped); run \`npm run doctor -- --fix\``,
      );
    }
    const found = disagreementCount(report.results);
    if (found === 0) return;
    const left = report.recheck ? disagreementCount(report.recheck) : found;
    strapi.log.warn(`[doctor] repaired derived data at boot in ${report.ms} ms: ${describeResults(report.results).join(' | ')}`);
    if (left > 0)
      strapi.log.warn(`[doctor] ${left} disagreements remain: ${describeResults(report.recheck ?? []).join(' | ')}; run \`npm run doctor -- --fix\``);
  } catch (error) {
    strapi.log.error(`[doctor] boot-time check failed: ${(error as Error).stack ?? String(error)}`);
  }
}
