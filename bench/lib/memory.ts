/**
 * Samples a process's resident memory (VmRSS from /proc, no package needed) while load runs,
 * keeping the maximum; the server is a child process, so this is the server alone.
 */
import { readRssMb } from './server-process';

const INTERVAL_MS = 200;

export interface RssSampler {
  /** Largest VmRSS seen so far, MB (null when /proc is not readable, e.g. not Linux). */
  max(): number | null;
  /** Largest VmRSS since the previous call (per phase), MB. */
  takePhaseMax(): number | null;
  stop(): number | null;
}

export function sampleRss(pid: number): RssSampler {
  let overall: number | null = null;
  let phase: number | null = null;
  const sample = () => {
    const rss = readRssMb(pid);
    if (rss === null) return;
    overall = Math.max(overall ?? 0, rss);
    phase = Math.max(phase ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, INTERVAL_MS);
  timer.unref();
  return {
    max: () => overall,
    takePhaseMax() {
      sample();
      const value = phase;
      phase = null;
      return value;
    },
    stop() {
      clearInterval(timer);
      return overall;
    },
  };
}
