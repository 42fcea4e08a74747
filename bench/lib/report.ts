/** The printed table and the results files (bench/results/<date>[-quick].json and .md). */
import fs from 'fs';
import path from 'path';
import type { WriteResult } from './writes';
import { RESULTS } from './paths';
import type { BenchReport, EndpointResult, RunResult, TargetResult } from './results';

const DB_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

const num = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined || Number.isNaN(value)
    ? '—'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

type Cells = string[];

interface Table {
  header: Cells;
  rows: Cells[];
  align: Array<'l' | 'r'>;
}

function endpointRows(run: RunResult): Cells[] {
  const row = (result: EndpointResult, cache: string): Cells => [
    result.name,
    cache,
    num(result.rps),
    num(result.p50),
    num(result.p99),
    num(result.urls),
    num(result.rssMaxMb),
    result.problem ? `⚠ ${result.problem.slice(0, 120)}` : '',
  ];
  return [...run.uncached.endpoints.map((result) => row(result, 'off')), ...run.warm.endpoints.map((result) => row(result, 'on, warm'))];
}

function writeRow(label: string, result: WriteResult): Cells {
  const notes = [
    result.stoppedAfterSeconds === undefined ? '' : `time budget: stopped after ${result.stoppedAfterSeconds} s`,
    result.problem ? `⚠ ${result.problem.slice(0, 120)}` : '',
  ].filter(Boolean);
  return [
    label,
    '—',
    `p50 ${num(result.p50)} ms`,
    `p95 ${num(result.p95)} ms`,
    `mean ${num(result.mean)} ms`,
    `${num(result.creates)} creates`,
    '',
    notes.join('; '),
  ];
}

function runTable(run: RunResult): Table {
  return {
    header: ['endpoint', 'cache', 'req/s', 'p50 ms', 'p99 ms', 'URLs', 'RSS MB', 'note'],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
    rows: [...endpointRows(run), writeRow('create-and-publish, ours', run.writes.ours), writeRow('create-and-publish, plain Strapi', run.writes.plain)],
  };
}

function targetTable(targets: readonly TargetResult[]): Table {
  return {
    header: ['db', 'target', 'value', 'limit', 'result', 'detail'],
    align: ['l', 'l', 'r', 'r', 'l', 'l'],
    rows: targets.map((target) => [
      DB_NAMES[target.db],
      target.label,
      num(target.value, 2),
      `${target.comparator} ${target.limit}`,
      target.status,
      target.detail,
    ]),
  };
}

function runHeading(run: RunResult): string {
  return (
    `${DB_NAMES[run.db]}, ${num(run.articles)} articles (${num(run.corpus.variants)} locale variants, ${num(run.corpus.comments)} comments; ` +
    `corpus built in ${num(run.corpus.seconds, 1)} s; database ${num(run.databaseSizeMb)} MB; server RSS max ${num(run.rssMaxMb)} MB)`
  );
}

// ---- plain text -------------------------------------------------------------------------

function textTable(table: Table): string {
  const widths = table.header.map((cell, i) => Math.max(cell.length, ...table.rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: Cells) =>
    cells
      .map((cell, i) => (table.align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(table.header), widths.map((width) => '-'.repeat(width)).join('  '), ...table.rows.map(line)].join('\n');
}

export function renderText(report: BenchReport): string {
  const parts = report.runs.map((run) => `\n== ${runHeading(run)}\n${textTable(runTable(run))}`);
  parts.push(`\n== Targets (ratios within this run)\n${textTable(targetTable(report.targets))}`);
  return parts.join('\n');
}

// ---- markdown ---------------------------------------------------------------------------

function markdownTable(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${table.header.map(escape).join(' | ')} |`,
    `|${table.align.map((align) => (align === 'r' ? '---:' : '---')).join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(report: BenchReport): string {
  const { machine, options } = report;
  const lines = [
    `# Benchmark ${report.date}${options.mode === 'full' ? '' : ` (${options.mode})`}`,
    '',
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${num(machine.totalMemoryMb)} MB memory, load average ${machine.loadAverageAtStart.join(' / ')} at start` +
      `${machine.loadAverageAtEnd ? ` and ${machine.loadAverageAtEnd.join(' / ')} at end` : ''}; ${machine.os}; Node ${machine.node}; Strapi ${machine.strapi}; SQLite ${machine.sqlite}` +
      `${machine.postgres ? `; PostgreSQL ${machine.postgres}` : ''}.`,
    '',
    `Run: \`npm run bench${options.argv.length ? ` -- ${options.argv.join(' ')}` : ''}\` — databases ${options.dbs.map((db) => DB_NAMES[db]).join(', ')}; corpus sizes ${options.sizes.map((size) => num(size)).join(', ')}; ` +
      `${options.duration} s per endpoint after ${options.warmupSeconds} s warm-up, ${options.connections} connections (autocannon, in the runner process); ` +
      `up to ${options.writes} timed creates per server (at most ${options.writeBudgetSeconds} s each); text ${options.news ? 'from --news' : 'shipped with the repository'}; total ${num(report.seconds)} s.`,
    '',
    '"cache off" is RESPONSE_CACHE=false (every request reaches the database); "on, warm" is RESPONSE_CACHE=true after requesting each of the rotated URLs once.',
    '',
  ];
  for (const run of report.runs) {
    lines.push(`## ${runHeading(run)}`, '', markdownTable(runTable(run)), '');
    if (run.warm.cacheEvidence !== undefined) lines.push(`Warm response headers: ${run.warm.cacheEvidence || '(no cache headers)'}`, '');
  }
  lines.push(
    '## Targets',
    '',
    'Ratios between measurements of this run. The targets are stated for 100,000 articles.',
    '',
    markdownTable(targetTable(report.targets)),
    '',
  );
  if (report.notes.length) lines.push('## Notes', '', ...report.notes.map((note) => `- ${note}`), '');
  return lines.join('\n');
}

/** Writes the JSON and markdown files; returns their paths. */
export function writeResults(report: BenchReport): { json: string; markdown: string } {
  fs.mkdirSync(RESULTS, { recursive: true });
  // The full run is <date>; a quick or custom run gets a suffix so it never overwrites it.
  const { mode, dbs, sizes } = report.options;
  const suffix = mode === 'full' ? '' : mode === 'quick' ? '-quick' : `-${dbs.join('-')}-${sizes.join('-')}`;
  const base = path.join(RESULTS, `${report.date}${suffix}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, renderMarkdown(report));
  return { json: `${base}.json`, markdown: `${base}.md` };
}
