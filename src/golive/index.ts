import type { Core } from '@strapi/strapi';
import { createGoLiveWorker, GOLIVE_EVENT, type GoLiveSettings, type GoLiveWorker } from './golive-worker';

export { goLiveMiddleware } from './golive-middleware';
export { ensureGoLiveTable } from './golive-store';
export { GOLIVE_EVENT } from './golive-worker';

let worker: GoLiveWorker | null = null;

/** The app's go-live worker (tests drive its tick by hand with cron off). */
export function goLiveWorker(): GoLiveWorker | null {
  return worker;
}

/**
 * Bootstrap (after ensureGoLiveTable, which runs before anything can publish): the `entry.golive` webhook event and the worker, polling every
 * GOLIVE_POLL_SECONDS when scheduled work runs (server.cron.enabled; tests turn it off).
 */
export async function startGoLive(strapi: Core.Strapi, settings: GoLiveSettings): Promise<void> {
  (strapi.get('webhookStore') as { addAllowedEvent(key: string, value: string): void }).addAllowedEvent('ENTRY_GOLIVE', GOLIVE_EVENT);
  worker = createGoLiveWorker(strapi, settings);
  if (strapi.config.get('server.cron.enabled', true)) {
    worker.start();
    // Moments that came due while no instance ran fire now.
    void worker.tick().catch((error: Error) => strapi.log.warn(`go-live worker: ${error.message}`));
  }
}

export async function stopGoLive(): Promise<void> {
  await worker?.stop();
  worker = null;
}
