/**
 * npm run doctor [-- --fix] [-- --json]
 *
 * Checks every derived table against the content (slug registry, related index, postings,
 * lists, document frequencies, teasers, go-live moments) and prints the disagreements; with
 * --fix repairs them and checks again. Exit code for monitoring: 1 when the report found
 * disagreements, or when a repair left some (the re-check is not clean); 0 otherwise.
 */
import { parseArgs } from 'node:util';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { bootForScript } from './boot';
import { describeResults, disagreementCount, runDoctor, type Progress } from '../src/doctor';

const USAGE = 'usage: npm run doctor [-- --fix] [-- --json]';

/** A bar per long step on a terminal; nothing when the output goes to a log or a pipe. */
function progressBars(): { progress: Progress; close(): void } | null {
  if (!process.stderr.isTTY) return null;
  const bars = new MultiBar(
    { format: '{label} [{bar}] {value}/{total} {eta_formatted}', clearOnComplete: true, hideCursor: true, stream: process.stderr },
    Presets.shades_classic,
  );
  let bar: SingleBar | null = null;
  return {
    progress: {
      start(label, total) {
        bar = total > 0 ? bars.create(total, 0, { label: label.padEnd(22) }) : null;
      },
      increment() {
        bar?.increment();
      },
      stop() {
        if (bar) bars.remove(bar);
        bar = null;
      },
    },
    close: () => bars.stop(),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { fix: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // The boot-time run would repair before this one could report.
  process.env.DOCTOR_AT_BOOT = 'false';
  const strapi = await bootForScript();
  const bars = values.json ? null : progressBars();
  try {
    const report = await runDoctor(strapi, { fix: values.fix, progress: bars?.progress });
    bars?.close();
    const found = disagreementCount(report.results);
    const left = report.recheck ? disagreementCount(report.recheck) : values.fix ? 0 : found;
    if (values.json) {
      console.log(JSON.stringify({ ...report, found, left }, null, 2));
    } else {
      for (const line of describeResults(report.results)) console.log(line);
      if (found === 0) console.log(`all derived data agrees with the content (${report.ms} ms)`);
      else if (values.fix)
        console.log(
          `${found} disagreements found, ${report.results.reduce((n, r) => n + r.repaired, 0)} repairs, ${left} left after the re-check (${report.ms} ms)`,
        );
      else console.log(`${found} disagreements (${report.ms} ms); repair with: npm run doctor -- --fix`);
      if (report.recheck && left > 0) for (const line of describeResults(report.recheck)) console.log(`still: ${line}`);
    }
    return values.fix ? (left === 0 ? 0 : 1) : found === 0 ? 0 : 1;
  } finally {
    bars?.close();
    await strapi.destroy();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
