/**
 * Comment submission load test.
 *
 * Replays Bulgarian reader texts as comment submissions from many simulated readers, each
 * with an X-Forwarded-For address of its own, and reports what the API answered: accepted
 * (by moderation status), honeypot (answered 201, must not be stored), rejected by rule,
 * rate-limited, 5xx (must be zero), network errors, throughput and latency. Afterwards it reads
 * the database to check that every accepted comment is stored exactly once.
 *
 *   node -r esbuild-register bench/comments-load.ts [--comments /path/to/comments.jsonl]
 *     [--url http://127.0.0.1:1337 (--db-file .tmp/data.db | --pg-url postgres://...)]
 *     [--clients 50] [--requests 2000] [--seed 20251222] [--help]
 *
 * Without --url the script compiles the server, starts its own on a fresh temporary SQLite
 * database (demo articles seeded, TRUST_PROXY=true, COMMENTS_RATE_PER_IP=5) and stops it at the
 * end. With --url the operator's server must run with TRUST_PROXY=true, or every simulated
 * reader shares one address and the per-IP limit rejects nearly everything.
 *
 * The texts come from the file given with --comments (JSON lines with a `body`), never from a
 * copy in the repository; without it a small built-in set is used. See bench/comments-load.md.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseArgs } from 'node:util';
import { performance } from 'perf_hooks';
import { validateCommentInput } from '../src/domain/comments/validate-comment';
import { createRng } from './corpus/rng';
import { percentile } from './lib/percentile';
import { compileApp, freePort, makeSecrets, startServer, type RunningServer } from './lib/server-process';

const RESULTS_DIR = path.join(__dirname, 'results');

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  comments: string | null;
  url: string | null;
  clients: number;
  requests: number;
  dbFile: string | null;
  pgUrl: string | null;
  seed: number;
  /** The server's per-IP limit (points per window): regular readers stay under it, chatty ones go over. */
  ipLimit: number;
  articleLimit: number;
  /** Share of simulated readers who send more than the per-IP limit in a burst. */
  chattyShare: number;
  /** Share of simulated readers that are bots filling the honeypot field. */
  botShare: number;
  /** Share of human submissions sent as a reply to an earlier accepted comment. */
  replyShare: number;
  timeoutMs: number;
  build: boolean;
  /** Skip opening the connections before the load (see --cold-connections). */
  coldConnections: boolean;
  keepTmp: boolean;
  out: string | null;
  outcomesFile: string | null;
}

const USAGE = `Usage: node -r esbuild-register bench/comments-load.ts [options]

  --comments <file>      JSON lines with a "body" field (e.g. ../shared/data/comments.jsonl);
                         default: a small built-in set of Bulgarian comments
  --url <url>            use a running server (started with TRUST_PROXY=true); default: start one
                         on a fresh temporary SQLite database
  --db-file <file>       with --url: its SQLite file, to verify what was stored
  --pg-url <url>         with --url: its PostgreSQL connection string, to verify what was stored
  --clients <n>          concurrent connections (default 50); each plays a succession of
                         simulated readers, every reader with its own X-Forwarded-For address
  --requests <n>         submissions to send (default 2000)
  --seed <n>             seed of the text shuffle and of the reader plan (default 20251222)
  --ip-limit <n>         the server's per-IP comment limit per window (default 5; set on the own server)
  --article-limit <n>    per-article limit for the own server (default 1000)
  --chatty-share <0..1>  share of readers who burst past the per-IP limit (default 0.08)
  --bot-share <0..1>     share of readers that are bots filling the honeypot (default 0.04)
  --reply-share <0..1>   share of human submissions that reply to an accepted comment (default 0.08)
  --timeout-ms <n>       per-request timeout (default 30000)
  --no-build             own server: skip "tsc -p tsconfig.json" (dist/ is current)
  --cold-connections     do not open the connections before the load: the first comment of each
                         connection then also pays for setting it up, under full load
  --keep-tmp             own server: keep the temporary directory (database, server log)
  --out <file>           results file (default bench/results/comments-load-<date>.json)
  --outcomes <file>      also write every request's outcome as JSON lines (for digging into a run)
`;

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      comments: { type: 'string' },
      url: { type: 'string' },
      'db-file': { type: 'string' },
      'pg-url': { type: 'string' },
      clients: { type: 'string', default: '50' },
      requests: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '20251222' },
      'ip-limit': { type: 'string', default: '5' },
      'article-limit': { type: 'string', default: '1000' },
      'chatty-share': { type: 'string', default: '0.08' },
      'bot-share': { type: 'string', default: '0.04' },
      'reply-share': { type: 'string', default: '0.08' },
      'timeout-ms': { type: 'string', default: '30000' },
      'no-build': { type: 'boolean', default: false },
      'cold-connections': { type: 'boolean', default: false },
      'keep-tmp': { type: 'boolean', default: false },
      out: { type: 'string' },
      outcomes: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const int = (name: string, value: string, min: number): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${value}".`);
    return parsed;
  };
  const share = (name: string, value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) throw new Error(`--${name} must be a number from 0 to 1, got "${value}".`);
    return parsed;
  };
  const options: Options = {
    comments: values.comments ?? null,
    url: values.url?.replace(/\/+$/, '') ?? null,
    clients: int('clients', values.clients, 1),
    requests: int('requests', values.requests, 1),
    dbFile: values['db-file'] ?? null,
    pgUrl: values['pg-url'] ?? null,
    seed: int('seed', values.seed, 0),
    ipLimit: int('ip-limit', values['ip-limit'], 1),
    articleLimit: int('article-limit', values['article-limit'], 1),
    chattyShare: share('chatty-share', values['chatty-share']),
    botShare: share('bot-share', values['bot-share']),
    replyShare: share('reply-share', values['reply-share']),
    timeoutMs: int('timeout-ms', values['timeout-ms'], 100),
    build: !values['no-build'],
    coldConnections: values['cold-connections'],
    keepTmp: values['keep-tmp'],
    out: values.out ?? null,
    outcomesFile: values.outcomes ?? null,
  };
  if (options.dbFile && options.pgUrl) throw new Error('Give --db-file or --pg-url, not both.');
  if (!options.url && (options.dbFile || options.pgUrl))
    throw new Error('--db-file / --pg-url go with --url; without --url the script uses its own temporary database.');
  if (options.chattyShare + options.botShare > 1) throw new Error('--chatty-share plus --bot-share must not exceed 1.');
  return options;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** The corpus generator's seeded mulberry32 (bench/corpus/rng.ts), so a run can be repeated with the same plan. */
function seededRandom(seed: number) {
  const rng = createRng(seed);
  return {
    next: rng.next,
    int: (below: number): number => rng.int(0, below - 1),
    between: rng.int,
    pick: rng.pick,
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = Math.floor(rng.next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  };
}
type Random = ReturnType<typeof seededRandom>;

// ---------------------------------------------------------------------------------------------
// Texts and names

/**
 * Used when no --comments file is given: short comments of the kinds a Bulgarian news site gets,
 * written for this script. Some break the rules on purpose (too short, blank, too long), some
 * carry links (three links make spam) or markup, which is stored as text.
 */
const FALLBACK_TEXTS: readonly string[] = [
  'Много добра статия, благодаря!',
  'Пълни глупости. Кой ви плаща да пишете това?',
  'Най-накрая някой да го каже на глас.',
  'А източникът къде е? Дайте линк към самото изявление.',
  'Ето целия доклад: https://www.parliament.bg/bg/reports',
  'Вижте тук http://example.com/a, тук www.primer.bg/b и тук kupi-sega.com – всичко е обяснено',
  '<b>Браво</b> на журналиста!',
  "<script>alert('xss')</script> само проверявам",
  '<a href="https://bit.ly/xyz">вижте видеото</a>',
  '[url=http://spam.example]натисни тук[/url]',
  'ХАХАХА ТОВА Е НАЙ-СМЕШНОТО НЕЩО ДНЕС!!!',
  'mnogo dobre napisano, bravo',
  'Ne moga da povqrvam, 4e pak se slu4va su6toto',
  '👍',
  '!',
  'ок',
  '   ',
  'Съгласен съм с предния коментар.',
  'Като пенсионер от Видин мога да кажа, че нищо не се променя. Пак сме последни в Европа по доходи, а цените растат всеки месец.',
  'Браво! 👏👏👏',
  'Това е фалшива новина!!! Не вярвайте на медиите!',
  'Кога ще пуснете продължението на репортажа?',
  'Поправка: срещата е в четвъртък, не в сряда.',
  'В третия абзац има грешка – „присъствуваха“.',
  'Евтини кредити без поръчител! Пишете на kredit@abv.bg',
  "'); DROP TABLE comments; --",
  'Ще видим след изборите какво ще стане...',
  'Цитат: „Ние не сме против, но не сме и за.“ Класика.',
  'sdfsdfsdfsdf',
  'асдфасдфасдф',
  'Точно така!\n\nИ още нещо: защо никой не пита кмета?',
  'Жалко за хората. Съболезнования на близките.',
  '5/5',
  'Не съм съгласен. Данните на НСИ показват друго – 3,2% ръст за тримесечието.',
  'Отличен анализ, само дето пропускате ролята на ЕС.',
  'Кой е авторът на снимката?',
  'Лелее 😂😂😂',
  'Stiga s tezi politicheski novini, pishete za neshto hubavo',
  'ДОЛУ МАФИЯТА!',
  `Копирам целия си пост от форума: ${'Това е изречение, което се повтаря отново и отново. '.repeat(70)}`,
];

/** One reader in 200 signs with a one-letter name, which the API rejects (2–60 characters). */
const TOO_SHORT_NAME = 'Я';
const HUMAN_NAMES: readonly string[] = [
  'Иван Петров',
  'Мария Георгиева',
  'Георги',
  'Петя Д.',
  'Стоян Стоянов',
  'Десислава',
  'Николай Н.',
  'Елена Иванова',
  'Димитър',
  'Йорданка Колева',
  'бай Ганьо',
  'Пенка от Габрово',
  'Тодор Т.',
  'Радостина',
  'Калин',
  'Цветелина Маринова',
  'Любомир',
  'Атанас Атанасов',
  'Гергана',
  'Божидар',
  'Виолета',
  'Красимир К.',
  'Милена',
  'Светослав',
  'Ралица',
  'Пламен Пеев',
  'Анелия',
  'Емил',
  'Теодора',
  'Кристиян',
  'Боряна',
  'Ангел',
  'Читател',
  'Анонимен',
  'Пенсионер от Пловдив',
  'Доктор Х',
  'ivan_sofia',
  'gosho88',
  'Zlatka',
];

const BOT_NAMES: readonly string[] = ['Kredit Bez Poruchitel', 'Best Casino BG', 'Отслабване Бързо', 'SEO Expert', 'Евтини Билети'];

const USER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
];

function loadTexts(file: string | null): { texts: string[]; source: string; skippedLines: number } {
  if (!file) return { texts: [...FALLBACK_TEXTS], source: `built-in (${FALLBACK_TEXTS.length} texts)`, skippedLines: 0 };
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new Error(`--comments: ${resolved} does not exist.`);
  const texts: string[] = [];
  let skippedLines = 0;
  for (const line of fs.readFileSync(resolved, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed: unknown = JSON.parse(line);
      const body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).body : undefined;
      if (typeof body === 'string') texts.push(body);
      else skippedLines += 1;
    } catch {
      skippedLines += 1;
    }
  }
  if (texts.length === 0) throw new Error(`--comments: no line of ${resolved} has a string "body".`);
  return { texts, source: `${resolved} (${texts.length} texts)`, skippedLines };
}

// ---------------------------------------------------------------------------------------------
// The plan: simulated readers and what each sends

type ReaderKind = 'regular' | 'chatty' | 'bot';

interface Submission {
  index: number;
  slug: string;
  body: string;
  wantsReply: boolean;
}

interface Reader {
  index: number;
  kind: ReaderKind;
  ip: string;
  authorName: string;
  authorEmail: string | null;
  userAgent: string;
  honeypotValue: string | null;
  submissions: Submission[];
}

/** 10.R.x.y, R chosen per run so that back-to-back runs against one server do not share addresses. */
function readerIp(index: number, runOctet: number): string {
  const n = index + 1;
  return `10.${(runOctet + (n >>> 16)) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function buildPlan(options: Options, texts: readonly string[], slugs: readonly string[], runTag: string, runOctet: number): Reader[] {
  const random = seededRandom(options.seed);
  const order = random.shuffle(texts.map((_, i) => i));
  let cursor = 0;
  const nextText = (): string => texts[order[cursor++ % order.length]];
  const readers: Reader[] = [];
  let sent = 0;
  while (sent < options.requests) {
    const index = readers.length;
    const roll = random.next();
    const kind: ReaderKind = roll < options.chattyShare ? 'chatty' : roll < options.chattyShare + options.botShare ? 'bot' : 'regular';
    // Regular readers stay under the per-IP limit; chatty ones send from two over it up to three times it.
    const wanted =
      kind === 'chatty'
        ? random.between(options.ipLimit + 2, options.ipLimit * 3)
        : kind === 'bot'
          ? random.between(1, 3)
          : Math.min(options.ipLimit - 1 || 1, random.next() < 0.6 ? 1 : random.between(2, 4));
    const count = Math.min(wanted, options.requests - sent);
    const home = random.pick(slugs);
    const submissions: Submission[] = [];
    for (let k = 0; k < count; k += 1) {
      // Most readers stay on one article; some move on to another one.
      const slug = random.next() < 0.8 ? home : random.pick(slugs);
      submissions.push({ index: sent + k, slug, body: nextText(), wantsReply: kind !== 'bot' && random.next() < options.replyShare });
    }
    const humanName = random.next() < 0.005 ? TOO_SHORT_NAME : random.pick(HUMAN_NAMES);
    readers.push({
      index,
      kind,
      ip: readerIp(index, runOctet),
      // Bot names carry the run tag, so the verification can prove that none of them was stored.
      authorName: kind === 'bot' ? `${random.pick(BOT_NAMES)} ${runTag}-${index}` : humanName,
      authorEmail: kind !== 'bot' && random.next() < 0.3 ? `reader${index}@example.bg` : null,
      userAgent: kind === 'bot' ? 'python-requests/2.32.3' : random.pick(USER_AGENTS),
      honeypotValue: kind === 'bot' ? `https://kredit-${index}.example` : null,
      submissions,
    });
    sent += count;
  }
  return readers;
}

// ---------------------------------------------------------------------------------------------
// Outcomes

type Category = 'accepted' | 'honeypot' | 'rejected' | 'rateLimited' | 'serverError' | 'otherStatus' | 'network';

interface Outcome {
  submission: number;
  reader: number;
  kind: ReaderKind;
  ip: string;
  authorName: string;
  /** The text as sent (the --outcomes dump holds it; the results file never does). */
  sentBody: string;
  slug: string;
  reply: 'none' | 'sent' | 'noParentYet';
  httpStatus: number | null;
  category: Category;
  /** When the request was sent, ms after the load started. */
  sentAtMs: number;
  latencyMs: number;
  documentId: string | null;
  moderationStatus: string | null;
  storedBody: string | null;
  message: string | null;
  retryAfter: string | null;
}

interface SubmitContext {
  baseUrl: string;
  loadStarted: number;
  timeoutMs: number;
  parentsBySlug: Map<string, string[]>;
  liveRandom: Random;
}

function errorMessage(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const error = (json as Record<string, unknown>).error;
  if (typeof error !== 'object' || error === null) return null;
  const message = (error as Record<string, unknown>).message;
  return typeof message === 'string' ? message : null;
}

function createdComment(json: unknown): { documentId: string | null; status: string | null; body: string | null } {
  const data = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).data : null;
  if (typeof data !== 'object' || data === null) return { documentId: null, status: null, body: null };
  const record = data as Record<string, unknown>;
  return {
    documentId: typeof record.documentId === 'string' ? record.documentId : null,
    status: typeof record.status === 'string' ? record.status : null,
    body: typeof record.body === 'string' ? record.body : null,
  };
}

async function submit(context: SubmitContext, reader: Reader, submission: Submission): Promise<Outcome> {
  const data: Record<string, string> = { authorName: reader.authorName, body: submission.body };
  if (reader.authorEmail) data.authorEmail = reader.authorEmail;
  if (reader.honeypotValue) data.website = reader.honeypotValue;
  let reply: Outcome['reply'] = 'none';
  if (submission.wantsReply) {
    const pool = context.parentsBySlug.get(submission.slug);
    if (pool && pool.length > 0) {
      data.parent = pool[context.liveRandom.int(pool.length)];
      reply = 'sent';
    } else {
      reply = 'noParentYet';
    }
  }
  const started = performance.now();
  const base: Omit<Outcome, 'httpStatus' | 'category' | 'latencyMs'> = {
    sentAtMs: Math.round(started - context.loadStarted),
    submission: submission.index,
    reader: reader.index,
    kind: reader.kind,
    ip: reader.ip,
    authorName: reader.authorName,
    sentBody: submission.body,
    slug: submission.slug,
    reply,
    documentId: null,
    moderationStatus: null,
    storedBody: null,
    message: null,
    retryAfter: null,
  };
  const url = `${context.baseUrl}/api/articles/by-slug/${encodeURIComponent(submission.slug)}/comments?locale=bg`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': reader.ip, 'user-agent': reader.userAgent },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(context.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return {
      ...base,
      httpStatus: null,
      category: 'network',
      latencyMs: performance.now() - started,
      message: `${error instanceof Error ? error.message : String(error)}${cause}`,
    };
  }
  const latencyMs = performance.now() - started;
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  const status = response.status;
  const outcome: Outcome = {
    ...base,
    httpStatus: status,
    category: 'otherStatus',
    latencyMs,
    message: errorMessage(json) ?? (json === null ? text.slice(0, 200) : null),
  };
  if (status === 201) {
    const created = createdComment(json);
    outcome.category = reader.honeypotValue ? 'honeypot' : 'accepted';
    outcome.documentId = created.documentId;
    outcome.moderationStatus = created.status;
    outcome.storedBody = created.body;
    if (!reader.honeypotValue && created.documentId) {
      const pool = context.parentsBySlug.get(submission.slug) ?? [];
      pool.push(created.documentId);
      context.parentsBySlug.set(submission.slug, pool);
    }
  } else if (status === 400 || status === 403 || status === 404 || status === 413) {
    outcome.category = 'rejected';
  } else if (status === 429) {
    outcome.category = 'rateLimited';
    outcome.retryAfter = response.headers.get('retry-after');
  } else if (status >= 500) {
    outcome.category = 'serverError';
  }
  return outcome;
}

async function runLoad(
  options: Options,
  baseUrl: string,
  readers: readonly Reader[],
  isAborted: () => boolean,
): Promise<{ outcomes: Outcome[]; wallMs: number }> {
  const context: SubmitContext = {
    baseUrl,
    loadStarted: performance.now(),
    timeoutMs: options.timeoutMs,
    parentsBySlug: new Map(),
    liveRandom: seededRandom(options.seed + 1),
  };
  const outcomes: Outcome[] = [];
  let nextReader = 0;
  const total = readers.reduce((sum, reader) => sum + reader.submissions.length, 0);
  let lastProgress = performance.now();
  const worker = async (): Promise<void> => {
    for (;;) {
      if (isAborted()) return;
      const reader = readers[nextReader];
      nextReader += 1;
      if (!reader) return;
      // One reader's comments go one after another, as from one browser, with no pause: a
      // chatty reader exceeds the per-IP limit within seconds.
      for (const submission of reader.submissions) {
        if (isAborted()) return;
        outcomes.push(await submit(context, reader, submission));
        if (performance.now() - lastProgress > 5000) {
          lastProgress = performance.now();
          process.stdout.write(`  … ${outcomes.length}/${total} sent\n`);
        }
      }
    }
  };
  if (!options.coldConnections) {
    // Like a reverse proxy's upstream pool: the connections are open before the comments
    // arrive. Opening 50 at once under full load stalls the first request of each new one
    // for seconds (see bench/comments-load.md), which would dominate p99.
    await Promise.all(
      Array.from({ length: Math.min(options.clients, readers.length) }, async () => {
        const response = await fetch(`${baseUrl}/_health`, { signal: AbortSignal.timeout(options.timeoutMs) });
        await response.arrayBuffer();
      }),
    );
  }
  context.loadStarted = performance.now();
  const started = context.loadStarted;
  await Promise.all(Array.from({ length: Math.min(options.clients, readers.length) }, worker));
  return { outcomes, wallMs: performance.now() - started };
}

// ---------------------------------------------------------------------------------------------
// The database, to verify what was stored

interface Db {
  label: string;
  all(sql: string, params: readonly unknown[]): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

interface SqliteStatement {
  all(...params: unknown[]): unknown[];
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  close(): void;
}
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}

async function openDb(options: { dbFile: string | null; pgUrl: string | null }): Promise<Db | null> {
  if (options.dbFile) {
    const file = path.resolve(options.dbFile);
    if (!fs.existsSync(file)) throw new Error(`--db-file: ${file} does not exist.`);
    // better-sqlite3 is installed without type declarations; the two methods used are typed above.
    const Database = require('better-sqlite3') as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => SqliteDatabase;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    return {
      label: `SQLite ${file}`,
      all: async (sql, params) => db.prepare(sql).all(...params) as Array<Record<string, unknown>>,
      close: async () => db.close(),
    };
  }
  if (options.pgUrl) {
    // pg is installed without type declarations (@types/pg is not a dependency); the client methods used are typed above.
    const { Client } = require('pg') as { Client: new (config: { connectionString: string }) => PgClient };
    const client = new Client({ connectionString: options.pgUrl });
    await client.connect();
    return {
      label: `PostgreSQL ${redactUrl(options.pgUrl)}`,
      all: async (sql, params) => {
        let n = 0;
        const numbered = sql.replace(/\?/g, () => `$${(n += 1)}`);
        return (await client.query(numbered, [...params])).rows as Array<Record<string, unknown>>;
      },
      close: () => client.end(),
    };
  }
  return null;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Texts in the report are named by digest, not quoted: the results file may be committed and the
 * texts are third-party data that must stay out of the repository.
 */
const textDigest = (text: string): string => `sha256:${crypto.createHash('sha256').update(text).digest('hex').slice(0, 12)} (${Array.from(text).length} chars)`;

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

async function countByDocumentId(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.all(
      `SELECT document_id, COUNT(*) AS n FROM comments WHERE document_id IN (${chunk.map(() => '?').join(',')}) GROUP BY document_id`,
      chunk,
    );
    for (const row of rows) counts.set(String(row.document_id), Number(row.n));
  }
  return counts;
}

interface Verification {
  checked: boolean;
  database: string | null;
  note: string | null;
  acknowledged: number;
  acknowledgedWithoutDocumentId: number;
  newRows: number;
  storedOnce: number;
  missing: string[];
  duplicated: Array<{ documentId: string; rows: number }>;
  /** Requests that lost their answer (timeout, reset) but whose comment was stored: the client cannot know, so not a violation. */
  storedAfterLostAnswer: number;
  /** Rows of this run that no 201 acknowledged and no lost request explains (a submission stored twice under two documentIds shows here). */
  unacknowledgedRows: Array<{ documentId: string | null; authorName: string | null; body: string }>;
  /** (body, ip_hash) pairs stored more often than they were accepted; bodies as digests. */
  excessPerBodyAndIp: Array<{ body: string; expected: number; stored: number }>;
  /** Stored rows whose body or status differs from what the 201 said. */
  mismatched: Array<{ documentId: string; field: string; acknowledged: string | null; stored: string | null }>;
  honeypot: { answered201: number; fakeIdsStored: number; botRowsStored: number };
  ipHashes: { readers: number; distinctHashes: number; readersWithSeveralHashes: number };
  exactlyOnce: boolean | null;
}

/** Name and text as the API stores them, by its own validation; null for a submission it refuses. */
function storedKey(authorName: string, body: string): string | null {
  const checked = validateCommentInput({ authorName, body });
  return checked.ok ? `${checked.value.authorName}\u0000${checked.value.body}` : null;
}

async function verify(db: Db | null, maxIdBefore: number, outcomes: readonly Outcome[], runTag: string): Promise<Verification> {
  const accepted = outcomes.filter((outcome) => outcome.category === 'accepted');
  const honeypots = outcomes.filter((outcome) => outcome.category === 'honeypot');
  const withId = accepted.filter((outcome): outcome is Outcome & { documentId: string } => outcome.documentId !== null);
  const result: Verification = {
    checked: false,
    database: db?.label ?? null,
    note: null,
    acknowledged: accepted.length,
    acknowledgedWithoutDocumentId: accepted.length - withId.length,
    newRows: 0,
    storedOnce: 0,
    missing: [],
    duplicated: [],
    storedAfterLostAnswer: 0,
    unacknowledgedRows: [],
    excessPerBodyAndIp: [],
    mismatched: [],
    honeypot: { answered201: honeypots.length, fakeIdsStored: 0, botRowsStored: 0 },
    ipHashes: { readers: 0, distinctHashes: 0, readersWithSeveralHashes: 0 },
    exactlyOnce: null,
  };
  if (!db) {
    result.note = 'not verified: give --db-file or --pg-url with --url';
    return result;
  }
  result.checked = true;

  const counts = await countByDocumentId(
    db,
    withId.map((outcome) => outcome.documentId),
  );
  for (const outcome of withId) {
    const n = counts.get(outcome.documentId) ?? 0;
    if (n === 0) result.missing.push(outcome.documentId);
    else if (n > 1) result.duplicated.push({ documentId: outcome.documentId, rows: n });
    else result.storedOnce += 1;
  }

  const rows = await db.all('SELECT id, document_id, author_name, body, moderation_status, ip_hash FROM comments WHERE id > ? ORDER BY id', [maxIdBefore]);
  result.newRows = rows.length;
  const byDocumentId = new Map(withId.map((outcome) => [outcome.documentId, outcome]));
  // A request that timed out may still have been stored: such a row is matched to it by name and text.
  const lost = outcomes
    .filter((outcome) => outcome.category === 'network' && outcome.kind !== 'bot')
    .map((outcome) => ({ key: storedKey(outcome.authorName, outcome.sentBody), matched: false }))
    .filter((request): request is { key: string; matched: boolean } => request.key !== null);
  const explainedRows: Array<Record<string, unknown>> = [];
  const ipToHashes = new Map<string, Set<string>>();
  for (const row of rows) {
    const documentId = str(row.document_id);
    const outcome = documentId ? byDocumentId.get(documentId) : undefined;
    if (!outcome) {
      const key = `${str(row.author_name) ?? ''}\u0000${str(row.body) ?? ''}`;
      const lostRequest = lost.find((candidate) => !candidate.matched && candidate.key === key);
      if (lostRequest) {
        lostRequest.matched = true;
        explainedRows.push(row);
      } else {
        result.unacknowledgedRows.push({ documentId, authorName: str(row.author_name), body: textDigest(str(row.body) ?? '') });
      }
      continue;
    }
    const hashes = ipToHashes.get(outcome.ip) ?? new Set<string>();
    hashes.add(str(row.ip_hash) ?? '(null)');
    ipToHashes.set(outcome.ip, hashes);
    if (outcome.storedBody !== null && outcome.storedBody !== str(row.body)) {
      result.mismatched.push({
        documentId: outcome.documentId,
        field: 'body',
        acknowledged: textDigest(outcome.storedBody),
        stored: textDigest(str(row.body) ?? ''),
      });
    }
    if (outcome.moderationStatus !== null && outcome.moderationStatus !== str(row.moderation_status)) {
      result.mismatched.push({
        documentId: outcome.documentId,
        field: 'moderation_status',
        acknowledged: outcome.moderationStatus,
        stored: str(row.moderation_status),
      });
    }
  }
  result.ipHashes.readers = ipToHashes.size;
  result.ipHashes.readersWithSeveralHashes = [...ipToHashes.values()].filter((hashes) => hashes.size > 1).length;
  result.ipHashes.distinctHashes = new Set([...ipToHashes.values()].flatMap((hashes) => [...hashes])).size;

  // A body sent twice by one reader may rightly be stored twice: compare (ip_hash, body) with
  // what was accepted. Grouping by the stored hash keeps this right even when several readers
  // share one hash (a server without TRUST_PROXY sees one address for all of them).
  const hashOf = (ip: string): string => [...(ipToHashes.get(ip) ?? new Set(['(no stored row)']))][0];
  const expected = new Map<string, number>();
  for (const outcome of withId) {
    const key = `${hashOf(outcome.ip)}\u0000${outcome.storedBody ?? ''}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  for (const row of explainedRows) {
    const key = `${str(row.ip_hash) ?? '(null)'}\u0000${str(row.body) ?? ''}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  result.storedAfterLostAnswer = explainedRows.length;
  const stored = new Map<string, { body: string; n: number }>();
  for (const row of rows) {
    const body = str(row.body) ?? '';
    const key = `${str(row.ip_hash) ?? '(null)'}\u0000${body}`;
    const entry = stored.get(key) ?? { body, n: 0 };
    entry.n += 1;
    stored.set(key, entry);
  }
  for (const [key, entry] of stored) {
    const want = expected.get(key) ?? 0;
    if (entry.n > want) result.excessPerBodyAndIp.push({ body: textDigest(entry.body), expected: want, stored: entry.n });
  }

  const fakeIds = honeypots.map((outcome) => outcome.documentId).filter((id): id is string => id !== null);
  result.honeypot.fakeIdsStored = [...(await countByDocumentId(db, fakeIds)).values()].reduce((sum, n) => sum + n, 0);
  const botRows = await db.all('SELECT COUNT(*) AS n FROM comments WHERE author_name LIKE ?', [`% ${runTag}-%`]);
  result.honeypot.botRowsStored = Number(botRows[0]?.n ?? 0);

  const notes: string[] = [];
  if (result.storedAfterLostAnswer > 0) {
    notes.push(
      `${result.storedAfterLostAnswer} of ${lost.length} request(s) that lost their answer (network error or timeout) were stored all the same; a client cannot know, so these are not violations`,
    );
  }
  if (result.unacknowledgedRows.length > 0) {
    notes.push(
      `${result.unacknowledgedRows.length} row(s) added during the run match no 201 and no lost request (other traffic on a shared server would also show here)`,
    );
  }
  result.note = notes.length ? notes.join('; ') : null;
  result.exactlyOnce =
    result.missing.length === 0 &&
    result.duplicated.length === 0 &&
    result.excessPerBodyAndIp.length === 0 &&
    result.mismatched.length === 0 &&
    result.acknowledgedWithoutDocumentId === 0 &&
    result.unacknowledgedRows.length === 0 &&
    result.honeypot.fakeIdsStored === 0 &&
    result.honeypot.botRowsStored === 0;
  return result;
}

/**
 * After requests timed out the server may still be working on them: wait until no comment has
 * been added for two seconds (at most the request timeout plus 10 s) before reading the table.
 */
async function waitForWritesToSettle(db: Db, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs + 10000;
  let last = -1;
  let quietSince = Date.now();
  process.stdout.write('Some requests lost their answer; waiting for the server to finish writing…\n');
  while (Date.now() < deadline) {
    const max = Number((await db.all('SELECT COALESCE(MAX(id), 0) AS max_id FROM comments', []))[0]?.max_id ?? 0);
    if (max !== last) {
      last = max;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= 2000) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// ---------------------------------------------------------------------------------------------
// The own server (mode without --url)

interface OwnServer {
  server: RunningServer;
  baseUrl: string;
  dbFile: string;
  tmpDir: string;
  stop(): Promise<void>;
}

/** The bench's server (bench/lib/server-process.ts) on a fresh SQLite file, with the demo seed and per-IP limits of this run. */
async function startOwnServer(options: Options): Promise<OwnServer> {
  if (options.build) {
    process.stdout.write('Compiling the server (tsc -p tsconfig.json)…\n');
    await compileApp();
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'novinar-comments-load-'));
  const dbFile = path.join(tmpDir, 'data.db');
  process.stdout.write(`Starting the server (database ${dbFile})…\n`);
  const server = await startServer({
    db: { client: 'sqlite', filename: dbFile },
    port: await freePort(),
    responseCache: true,
    writeMiddlewares: true,
    createToken: false,
    secrets: makeSecrets(),
    env: {
      PUBLIC_URL: '',
      SEED_DEMO: 'true',
      TRUST_PROXY: 'true',
      COMMENTS_RATE_PER_IP: String(options.ipLimit),
      COMMENTS_RATE_PER_IP_SECONDS: '60',
      COMMENTS_RATE_PER_ARTICLE: String(options.articleLimit),
      COMMENTS_RATE_PER_ARTICLE_SECONDS: '60',
      COMMENTS_CLOSE_AFTER_DAYS: '0',
      COMMENTS_AUTO_APPROVE_AFTER: '0',
    },
  });
  return { server, baseUrl: server.baseUrl, dbFile, tmpDir, stop: () => server.stop() };
}

// ---------------------------------------------------------------------------------------------
// Targets

async function findTargets(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/teasers/latest?locale=bg&limit=50`);
  if (response.status !== 200) throw new Error(`GET /api/teasers/latest answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const json = (await response.json()) as { data?: Array<{ slug?: unknown }> };
  const slugs = [...new Set((json.data ?? []).map((card) => card.slug).filter((slug): slug is string => typeof slug === 'string' && slug !== ''))];
  const open: string[] = [];
  for (const slug of slugs) {
    const check = await fetch(`${baseUrl}/api/articles/by-slug/${encodeURIComponent(slug)}/comments?locale=bg`);
    await check.arrayBuffer();
    if (check.status === 200) open.push(slug);
  }
  if (open.length === 0)
    throw new Error(`None of the ${slugs.length} latest teasers leads to an article whose comments can be read; is there published content (SEED_DEMO=true)?`);
  return open;
}

// ---------------------------------------------------------------------------------------------
// Report

function latencyStats(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** Per second of the run: requests sent, their latency and how many were rate-limited. */
function timeline(outcomes: readonly Outcome[]) {
  const buckets = new Map<number, Outcome[]>();
  for (const outcome of outcomes) {
    const second = Math.floor(outcome.sentAtMs / 1000);
    buckets.set(second, [...(buckets.get(second) ?? []), outcome]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, items]) => {
      const stats = latencyStats(items.map((outcome) => outcome.latencyMs));
      return { second, sent: items.length, p50: stats.p50, p99: stats.p99, rateLimited: items.filter((outcome) => outcome.category === 'rateLimited').length };
    });
}

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function topMessages(outcomes: readonly Outcome[], limit: number) {
  const byMessage = new Map<string, { status: number | null; message: string; count: number }>();
  for (const outcome of outcomes) {
    const message = outcome.message ?? '(no message)';
    const key = `${outcome.httpStatus} ${message}`;
    const entry = byMessage.get(key) ?? { status: outcome.httpStatus, message, count: 0 };
    entry.count += 1;
    byMessage.set(key, entry);
  }
  return [...byMessage.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}

function summarise(options: Options, outcomes: readonly Outcome[], wallMs: number, readers: readonly Reader[]) {
  const of = (category: Category) => outcomes.filter((outcome) => outcome.category === category);
  const accepted = of('accepted');
  const rateLimited = of('rateLimited');
  const retryAfterValues = rateLimited.map((outcome) => Number(outcome.retryAfter)).filter((n) => Number.isFinite(n));
  const rejected = of('rejected');
  const answered = outcomes.filter((outcome) => outcome.httpStatus !== null);
  return {
    totalSent: outcomes.length,
    readers: { total: readers.length, byKind: tally(readers, (reader) => reader.kind) },
    accepted: { total: accepted.length, byStatus: tally(accepted, (outcome) => outcome.moderationStatus ?? '(missing)') },
    honeypot: { total: of('honeypot').length, sentByBots: outcomes.filter((outcome) => outcome.kind === 'bot').length },
    rejectedByRule: {
      total: rejected.length,
      byHttpStatus: tally(rejected, (outcome) => String(outcome.httpStatus)),
      examples: topMessages(rejected, 6),
    },
    rateLimited: {
      total: rateLimited.length,
      withRetryAfter: rateLimited.filter((outcome) => outcome.retryAfter !== null && outcome.retryAfter !== '').length,
      retryAfterSeconds: retryAfterValues.length ? { min: Math.min(...retryAfterValues), max: Math.max(...retryAfterValues) } : null,
      byReaderKind: tally(rateLimited, (outcome) => outcome.kind),
    },
    serverErrors: { total: of('serverError').length, examples: topMessages(of('serverError'), 5) },
    otherStatus: { total: of('otherStatus').length, examples: topMessages(of('otherStatus'), 5) },
    networkErrors: { total: of('network').length, examples: topMessages(of('network'), 5) },
    replies: {
      sent: outcomes.filter((outcome) => outcome.reply === 'sent').length,
      withoutParentYet: outcomes.filter((outcome) => outcome.reply === 'noParentYet').length,
      outcomes: tally(
        outcomes.filter((outcome) => outcome.reply === 'sent'),
        (outcome) => (outcome.category === 'accepted' ? 'accepted' : `${outcome.category} ${outcome.httpStatus ?? ''}`.trim()),
      ),
    },
    throughput: { wallSeconds: Math.round(wallMs) / 1000, requestsPerSecond: Math.round((answered.length / (wallMs / 1000)) * 10) / 10 },
    latencyMs: {
      all: latencyStats(answered.map((outcome) => outcome.latencyMs)),
      accepted: latencyStats(accepted.map((outcome) => outcome.latencyMs)),
      /** Requests sent after the first second: without the cold start of a freshly booted server. */
      afterFirstSecond: latencyStats(answered.filter((outcome) => outcome.sentAtMs >= 1000).map((outcome) => outcome.latencyMs)),
    },
    timeline: timeline(outcomes),
    concurrency: options.clients,
  };
}

type Summary = ReturnType<typeof summarise>;

function printReport(summary: Summary, verification: Verification, header: string): void {
  const rows: Array<[string, string, string]> = [];
  const pct = (n: number) => `${((n / Math.max(1, summary.totalSent)) * 100).toFixed(1)}%`;
  const breakdown = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([key, n]) => `${key} ${n}`)
      .join(', ') || '-';
  rows.push([
    'submissions sent',
    String(summary.totalSent),
    `${summary.readers.total} simulated readers (${breakdown(summary.readers.byKind)}), ${summary.concurrency} concurrent`,
  ]);
  rows.push(['accepted (201, stored)', String(summary.accepted.total), `${pct(summary.accepted.total)}; ${breakdown(summary.accepted.byStatus)}`]);
  rows.push(['honeypot (201, not stored)', String(summary.honeypot.total), `of ${summary.honeypot.sentByBots} bot submissions`]);
  rows.push([
    'rejected by rule',
    String(summary.rejectedByRule.total),
    `${pct(summary.rejectedByRule.total)}; HTTP ${breakdown(summary.rejectedByRule.byHttpStatus)}`,
  ]);
  rows.push([
    'rate-limited (429)',
    String(summary.rateLimited.total),
    `${pct(summary.rateLimited.total)}; Retry-After on ${summary.rateLimited.withRetryAfter}/${summary.rateLimited.total}` +
      (summary.rateLimited.retryAfterSeconds ? ` (${summary.rateLimited.retryAfterSeconds.min}–${summary.rateLimited.retryAfterSeconds.max} s)` : '') +
      `; readers ${breakdown(summary.rateLimited.byReaderKind)}`,
  ]);
  rows.push(['5xx (must be 0)', String(summary.serverErrors.total), summary.serverErrors.total ? 'FAIL' : 'ok']);
  rows.push(['other status', String(summary.otherStatus.total), '']);
  rows.push(['network errors', String(summary.networkErrors.total), '']);
  rows.push([
    'replies sent',
    String(summary.replies.sent),
    `${breakdown(summary.replies.outcomes)}; ${summary.replies.withoutParentYet} sent top-level (no parent yet)`,
  ]);
  rows.push(['throughput', `${summary.throughput.requestsPerSecond}/s`, `${summary.totalSent} in ${summary.throughput.wallSeconds} s`]);
  const all = summary.latencyMs.all;
  const acc = summary.latencyMs.accepted;
  rows.push(['latency, all (ms)', `p50 ${all.p50}`, `p90 ${all.p90}, p99 ${all.p99}, max ${all.max}`]);
  rows.push(['latency, accepted (ms)', `p50 ${acc.p50}`, `p90 ${acc.p90}, p99 ${acc.p99}, max ${acc.max}`]);
  const warm = summary.latencyMs.afterFirstSecond;
  rows.push([
    'latency, after 1st s (ms)',
    `p50 ${warm.p50}`,
    `p90 ${warm.p90}, p99 ${warm.p99}, max ${warm.max} (${warm.count} requests; the first second includes the cold start)`,
  ]);
  const verdict = verification.exactlyOnce === null ? 'NOT VERIFIED' : verification.exactlyOnce ? 'YES' : 'VIOLATED';
  rows.push([
    'stored exactly once',
    verdict,
    verification.checked
      ? `${verification.storedOnce}/${verification.acknowledged} acknowledged stored once; ${verification.newRows} new rows; missing ${verification.missing.length}, duplicated ${verification.duplicated.length}, excess (body, ip) ${verification.excessPerBodyAndIp.length}, unacknowledged ${verification.unacknowledgedRows.length}, stored after lost answer ${verification.storedAfterLostAnswer}, mismatched ${verification.mismatched.length}; honeypot rows ${verification.honeypot.fakeIdsStored + verification.honeypot.botRowsStored}`
      : (verification.note ?? ''),
  ]);
  const w0 = Math.max(...rows.map((row) => row[0].length));
  const w1 = Math.max(...rows.map((row) => row[1].length));
  process.stdout.write(`\n${header}\n${'-'.repeat(Math.min(120, header.length))}\n`);
  for (const [label, value, detail] of rows) process.stdout.write(`${label.padEnd(w0)}  ${value.padStart(w1)}  ${detail}\n`);
  if (summary.rejectedByRule.examples.length) {
    process.stdout.write('\nrejected by rule, most frequent messages:\n');
    for (const example of summary.rejectedByRule.examples)
      process.stdout.write(`  ${String(example.count).padStart(5)} × ${example.status} ${example.message}\n`);
  }
  for (const [label, examples] of [
    ['5xx', summary.serverErrors.examples],
    ['other status', summary.otherStatus.examples],
    ['network errors', summary.networkErrors.examples],
  ] as const) {
    if (examples.length) {
      process.stdout.write(`\n${label}:\n`);
      for (const example of examples) process.stdout.write(`  ${String(example.count).padStart(5)} × ${example.status ?? '-'} ${example.message}\n`);
    }
  }
  if (verification.checked) {
    process.stdout.write(
      `\nIP hashes: ${verification.ipHashes.readers} readers with stored comments → ${verification.ipHashes.distinctHashes} distinct ip_hash values` +
        (verification.ipHashes.distinctHashes < verification.ipHashes.readers
          ? ' (fewer hashes than readers: is the server running with TRUST_PROXY=true?)'
          : '') +
        '\n',
    );
  }
  if (verification.note) process.stdout.write(`note: ${verification.note}\n`);
  for (const [label, list] of [
    ['missing', verification.missing],
    ['duplicated', verification.duplicated],
    ['excess', verification.excessPerBodyAndIp],
    ['unacknowledged', verification.unacknowledgedRows],
    ['mismatched', verification.mismatched],
  ] as const) {
    if (list.length) process.stdout.write(`${label} (first 5): ${JSON.stringify(list.slice(0, 5))}\n`);
  }
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const { texts, source, skippedLines } = loadTexts(options.comments);
  process.stdout.write(`Texts: ${source}${skippedLines ? `, ${skippedLines} line(s) without a body skipped` : ''}\n`);

  let aborted = false;
  let server: OwnServer | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = (): Promise<void> =>
    (cleaned ??= (async () => {
      if (!server) return;
      await server.stop();
      if (!options.keepTmp) fs.rmSync(server.tmpDir, { recursive: true, force: true });
      else process.stdout.write(`Kept ${server.tmpDir}\n`);
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    if (aborted) return;
    aborted = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let db: Db | null = null;
  try {
    let baseUrl: string;
    let dbOptions: { dbFile: string | null; pgUrl: string | null };
    if (options.url) {
      baseUrl = options.url;
      dbOptions = { dbFile: options.dbFile, pgUrl: options.pgUrl };
    } else {
      server = await startOwnServer(options);
      baseUrl = server.baseUrl;
      dbOptions = { dbFile: server.dbFile, pgUrl: null };
    }
    const slugs = await findTargets(baseUrl);
    process.stdout.write(`Target articles (${slugs.length}): ${slugs.join(', ')}\n`);

    db = await openDb(dbOptions);
    const maxIdBefore = db ? Number((await db.all('SELECT COALESCE(MAX(id), 0) AS max_id FROM comments', []))[0]?.max_id ?? 0) : 0;
    // better-sqlite3 holds no lock between statements, but close it during the run all the same.
    if (db && dbOptions.dbFile) {
      await db.close();
      db = null;
    }

    const runTag = crypto.randomBytes(3).toString('hex');
    const runOctet = crypto.randomBytes(1)[0];
    const readers = buildPlan(options, texts, slugs, runTag, runOctet);
    process.stdout.write(`Sending ${options.requests} submissions from ${readers.length} simulated readers over ${options.clients} connections…\n`);
    const startedAt = new Date();
    const { outcomes, wallMs } = await runLoad(options, baseUrl, readers, () => aborted);
    if (aborted) return 130;

    db ??= await openDb(dbOptions);
    if (options.outcomesFile) {
      fs.writeFileSync(options.outcomesFile, outcomes.map((outcome) => JSON.stringify(outcome)).join('\n') + '\n');
    }
    if (db && outcomes.some((outcome) => outcome.category === 'network')) await waitForWritesToSettle(db, options.timeoutMs);
    const verification = await verify(db, maxIdBefore, outcomes, runTag);
    const summary = summarise(options, outcomes, wallMs, readers);
    const header = `Comment submissions against ${baseUrl} (${options.url ? 'running server' : 'own server, fresh SQLite'}), texts from ${options.comments ? path.basename(options.comments) : 'the built-in set'}`;
    printReport(summary, verification, header);

    const failed = summary.serverErrors.total > 0 || verification.exactlyOnce === false;
    const stamp = startedAt
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replace(/:/g, '-');
    const outFile = path.resolve(options.out ?? path.join(RESULTS_DIR, `comments-load-${stamp}.json`));
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    const result = {
      benchmark: 'comments-load',
      startedAt: startedAt.toISOString(),
      verdict: failed ? 'fail' : 'pass',
      environment: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length },
      setup: {
        mode: options.url ? 'running server' : 'own server (fresh SQLite, demo seed, TRUST_PROXY=true)',
        url: options.url ?? '(own server)',
        database: verification.database,
        texts: options.comments ? { file: path.resolve(options.comments), count: texts.length } : { file: null, count: texts.length },
        clients: options.clients,
        connectionsOpenedBeforeLoad: !options.coldConnections,
        requests: options.requests,
        seed: options.seed,
        ipLimitPerMinute: options.ipLimit,
        articleLimitPerMinute: options.url ? '(server setting)' : options.articleLimit,
        chattyShare: options.chattyShare,
        botShare: options.botShare,
        replyShare: options.replyShare,
        targets: slugs,
      },
      summary,
      verification,
    };
    fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`\nResults written to ${path.relative(process.cwd(), outFile) || outFile}\n`);
    if (summary.serverErrors.total > 0) process.stdout.write('FAIL: the server answered 5xx.\n');
    if (verification.exactlyOnce === false) process.stdout.write('FAIL: accepted comments are not stored exactly once.\n');
    return failed ? 1 : 0;
  } finally {
    if (db) await db.close().catch(() => undefined);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
