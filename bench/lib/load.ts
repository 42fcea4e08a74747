/**
 * One load measurement with autocannon (in the runner's process, never in the server's):
 * a fixed number of connections for a fixed time, rotating over a set of requests so the
 * database sees different rows, after a short discarded warm-up and a correctness check.
 */
import autocannon from 'autocannon';

export interface LoadTarget {
  name: string;
  method: 'GET' | 'POST';
  /** Request paths (with query), rotated over in order across all connections. */
  paths: string[];
  /** For POST: bodies rotated with the same counter (paths may then be a single path). */
  bodies?: string[];
  headers?: Record<string, string>;
}

export interface LoadSettings {
  duration: number;
  connections: number;
  warmupSeconds: number;
}

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  meanLatency: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  urls: number;
  seconds: number;
  /** Why the measurement is missing or not to be trusted. */
  problem?: string;
}

function rotatingRequests(target: LoadTarget): autocannon.AutocannonRequest[] {
  let counter = 0;
  const count = Math.max(target.paths.length, target.bodies?.length ?? 0);
  return [
    {
      method: target.method,
      setupRequest: (request) => {
        const i = counter % count;
        counter += 1;
        const body = target.bodies?.[i % target.bodies.length];
        return {
          ...request,
          method: target.method,
          path: target.paths[i % target.paths.length],
          headers: { ...target.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body } : {}),
        };
      },
    },
  ];
}

/** Sends the first requests once and checks they succeed, so a broken endpoint is not "measured". */
async function preflight(baseUrl: string, target: LoadTarget): Promise<string | undefined> {
  const checks = Math.min(3, Math.max(target.paths.length, target.bodies?.length ?? 0));
  for (let i = 0; i < checks; i += 1) {
    const body = target.bodies?.[i % target.bodies.length];
    const response = await fetch(baseUrl + target.paths[i % target.paths.length], {
      method: target.method,
      headers: { ...target.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
      redirect: 'manual',
    });
    const text = await response.text();
    if (response.status !== 200 && response.status !== 204)
      return `${target.method} ${target.paths[i % target.paths.length]} → ${response.status} ${text.slice(0, 200)}`;
    if (text.includes('"errors":[')) return `${target.method} ${target.paths[i % target.paths.length]} → ${text.slice(0, 200)}`;
  }
  return undefined;
}

const emptyResult = (name: string, urls: number, problem: string): LoadResult => ({
  name,
  rps: 0,
  p50: 0,
  p99: 0,
  meanLatency: 0,
  requests: 0,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  urls,
  seconds: 0,
  problem,
});

export async function runLoad(baseUrl: string, target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  const urls = Math.max(target.paths.length, target.bodies?.length ?? 0);
  const problem = await preflight(baseUrl, target).catch((error: unknown) => `preflight failed: ${error instanceof Error ? error.message : String(error)}`);
  if (problem) return emptyResult(target.name, urls, problem);
  const options = { url: baseUrl, connections: settings.connections, timeout: 30, requests: rotatingRequests(target) };
  if (settings.warmupSeconds > 0) await autocannon({ ...options, duration: settings.warmupSeconds });
  const result = await autocannon({ ...options, duration: settings.duration, requests: rotatingRequests(target) });
  const failed = result.errors + result.timeouts + result.non2xx;
  return {
    name: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    meanLatency: result.latency.average,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    urls,
    seconds: result.duration,
    ...(failed > 0
      ? {
          problem: `${failed} of ${result.requests.total} requests failed (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}: ${JSON.stringify(result.statusCodeStats)})`,
        }
      : {}),
    ...(result.requests.total === 0 && failed === 0
      ? { problem: `no request completed within ${settings.duration} s at ${settings.connections} connections` }
      : {}),
  };
}
