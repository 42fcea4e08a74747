/**
 * Create-and-publish timing: sequential REST creates of complete articles (text, tags,
 * section, agency, cover) with an API token; a REST POST without status=draft publishes at
 * once. Run against the app with its write-time behaviour (slug registry, dates, teaser sync,
 * related indexing) and against the same app started with NOVINAR_WRITE_MIDDLEWARES=false
 * (plain Strapi), with the same payloads in the same order.
 */
import { performance } from 'perf_hooks';
import type { CorpusSummary } from '../corpus/generate';
import { createRng } from '../corpus/rng';
import type { TextSource } from '../corpus/text-source';
import { percentile } from './percentile';

export interface WriteResult {
  creates: number;
  failures: number;
  /** Set when the time budget ran out before every payload was sent. */
  stoppedAfterSeconds?: number;
  p50: number;
  p95: number;
  mean: number;
  problem?: string;
}

export interface WritePayload {
  title: string;
  body: string;
}

/** The same `count` article payloads for every server (fixed seed). */
export function writePayloads(source: TextSource, refs: CorpusSummary['refs'], count: number): WritePayload[] {
  const rng = createRng(4242);
  return Array.from({ length: count }, (_, i) => {
    const topic = rng.pick(source.topics);
    const title = `${topic.bg.makeTitle(rng)} ${i + 1}`.slice(0, 200);
    const data = {
      title,
      lede: rng.pick(topic.bg.ledes),
      body: topic.bg.makeBody(rng).map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
      coverCaption: title.slice(0, 120),
      tags: rng.sample(refs.tags, 3),
      section: rng.pick(refs.sections),
      sourceAgency: rng.pick(refs.agencies),
      cover: rng.pick(refs.covers),
    };
    return { title, body: JSON.stringify({ data }) };
  });
}

async function createOne(baseUrl: string, token: string, payload: WritePayload): Promise<{ ms: number; error?: string }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/articles?locale=bg`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: payload.body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 && response.status !== 201) return { ms, error: `${response.status} ${text.slice(0, 300)}` };
  const published = (JSON.parse(text) as { data?: { publishedAt?: string | null } }).data?.publishedAt;
  return published ? { ms } : { ms, error: `created but not published: ${text.slice(0, 200)}` };
}

export interface WriteSettings {
  /** The first payloads are sent but not timed. */
  warmup: number;
  /** Stop sending once this much time has passed (at least MIN_TIMED creates are always timed). */
  budgetSeconds: number;
}

const MIN_TIMED = 20;

/** Sequential creates, timed one by one. */
export async function timeCreates(baseUrl: string, token: string, payloads: readonly WritePayload[], settings: WriteSettings): Promise<WriteResult> {
  const { warmup, budgetSeconds } = settings;
  const started = performance.now();
  const times: number[] = [];
  let failures = 0;
  let firstError: string | undefined;
  let stoppedAfterSeconds: number | undefined;
  for (const [i, payload] of payloads.entries()) {
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed > budgetSeconds && times.length >= MIN_TIMED) {
      stoppedAfterSeconds = Math.round(elapsed);
      break;
    }
    const { ms, error } = await createOne(baseUrl, token, payload);
    if (error) {
      failures += 1;
      firstError ??= error;
      if (failures >= 5 && times.length === 0) break;
      continue;
    }
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    creates: times.length,
    failures,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    mean: times.length ? times.reduce((sum, ms) => sum + ms, 0) / times.length : 0,
    ...(stoppedAfterSeconds !== undefined ? { stoppedAfterSeconds } : {}),
    ...(firstError ? { problem: `${failures} creates failed, first: ${firstError}` } : {}),
  };
}
