import type { Core } from '@strapi/strapi';
import { parseVariantKey } from '../domain/doctor';

/** Where a long repair reports how far it got (a progress bar in the CLI, nothing at boot). */
export interface Progress {
  start(label: string, total: number): void;
  increment(): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { start: () => undefined, increment: () => undefined, stop: () => undefined };

/** One kind of disagreement between a derived table and the content: how many, and a few of them. */
export interface Disagreement {
  kind: string;
  count: number;
  examples: string[];
}

export interface CheckResult {
  check: string;
  disagreements: Disagreement[];
  /** Rows or variants repaired (0 without fix). */
  repaired: number;
  /** Why part of the repair was left for `npm run doctor -- --fix` (a bound at boot). */
  deferred?: string;
}

export interface CheckOptions {
  fix: boolean;
  progress: Progress;
  /** Most variants re-indexed in one run (a boot must not re-index a whole archive). */
  maxReindex: number;
}

export interface DoctorCheck {
  name: string;
  /** Cheap checks read a few rows per variant; the others read every posting or term list. */
  cheap: boolean;
  run(strapi: Core.Strapi, options: CheckOptions): Promise<CheckResult>;
}

const EXAMPLES = 5;

/** A disagreement of `count` items (the items themselves unless told), described by their first few. */
export function disagreement<T>(kind: string, items: readonly T[], describe: (item: T) => string, count = items.length): Disagreement[] {
  return items.length === 0 && count === 0 ? [] : [{ kind, count, examples: items.slice(0, EXAMPLES).map(describe) }];
}

/** An article variant key (`variantKey`) as a person reads it in a report. */
export function describeVariant(key: string): string {
  const { documentId, locale } = parseVariantKey(key);
  return `article ${documentId} (${locale})`;
}

/** Runs `repair` on each variant key with a progress bar labelled `label`; returns how many it repaired. */
export async function repairVariants(
  keys: readonly string[],
  label: string,
  progress: Progress,
  repair: (documentId: string, locale: string) => Promise<void>,
): Promise<number> {
  progress.start(label, keys.length);
  for (const key of keys) {
    const { documentId, locale } = parseVariantKey(key);
    await repair(documentId, locale);
    progress.increment();
  }
  progress.stop();
  return keys.length;
}
