import os from 'os';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { now } from '../clock';
import { ARTICLE, TEASER } from '../uids';
import { GRAPHQL_TAG, docTag, invalidateTags, listTag, refreshNextEmbargoRelease } from '../cache/response-cache';
import { articlePath } from '../domain/articles/article-path';
import { createGoLiveStore, type GoLiveRow } from './golive-store';

/** The webhook event a story's go-live fires (selectable in Settings → Webhooks). */
export const GOLIVE_EVENT = 'entry.golive';

export interface GoLiveSettings {
  pollSeconds: number;
  claimTimeoutSeconds: number;
  batchSize: number;
}

interface PublishedRow {
  id: number;
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  publicationDate: string | null;
  publishedAt: string | null;
}

const sameInstant = (a: unknown, b: unknown) => a !== null && b !== null && new Date(a as string).getTime() === new Date(b as string).getTime();

/**
 * Fires due go-live moments: invalidates the story's cached responses and every list, then
 * emits `entry.golive` (payload shaped like `entry.publish`: model, uid, entry with documentId,
 * locale, slug, title, path, publicationDate, publishedAt), which Strapi's webhook runner sends to
 * the webhooks that chose it. Every instance runs a worker; the claim makes each moment fire once.
 */
export function createGoLiveWorker(strapi: Core.Strapi, settings: GoLiveSettings) {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function fire(row: GoLiveRow, at: Date): Promise<void> {
    const store = createGoLiveStore(strapi.db.connection);
    const article = (await strapi.db.query(ARTICLE).findOne({
      where: { documentId: row.document_id, locale: row.locale, publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'locale', 'slug', 'title', 'publicationDate', 'publishedAt'],
    })) as PublishedRow | null;
    // Unpublished or re-dated since it was scheduled: the middleware has planned anew.
    if (!article || !sameInstant(article.publicationDate, row.go_live_at)) {
      await store.drop(row.id);
      return;
    }
    await invalidateTags([docTag(article.documentId), listTag(ARTICLE), listTag(TEASER), GRAPHQL_TAG]);
    await refreshNextEmbargoRelease(strapi);
    const pattern = strapi.config.get('novinar.articlePathPattern') as string;
    await strapi.eventHub.emit(GOLIVE_EVENT, {
      model: 'article',
      uid: ARTICLE,
      entry: {
        id: article.id,
        documentId: article.documentId,
        locale: article.locale,
        slug: article.slug,
        title: article.title,
        path: articlePath(pattern, article.locale, article.slug),
        publicationDate: new Date(article.publicationDate as string).toISOString(),
        publishedAt: article.publishedAt ? new Date(article.publishedAt).toISOString() : null,
      },
    });
    await store.markFired(row.id, owner, at);
  }

  /** One pass: claims and fires every due moment (in batches); returns how many fired or were dropped. */
  async function tick(): Promise<number> {
    // Every instance re-reads the cache's next-change clock each tick, so embargoes and flag
    // ends set through another instance cap this one's cache entries within a poll interval.
    await refreshNextEmbargoRelease(strapi);
    let handled = 0;
    for (;;) {
      const at = now();
      const staleBefore = new Date(at.getTime() - settings.claimTimeoutSeconds * 1000);
      const claimed = await createGoLiveStore(strapi.db.connection).claimDue(at, staleBefore, owner, settings.batchSize);
      for (const row of claimed) {
        try {
          await fire(row, at);
          handled += 1;
        } catch (error) {
          strapi.log.warn(`go-live of ${row.document_id} (${row.locale}) failed, will retry: ${(error as Error).message}`);
          await createGoLiveStore(strapi.db.connection).markFailed(row.id, owner, (error as Error).stack ?? String(error));
        }
      }
      if (claimed.length < settings.batchSize) return handled;
    }
  }

  /** Runs a tick unless one is running (the timer and tests may both ask). */
  function runOnce(): Promise<number> {
    running ??= tick().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    owner,
    tick: runOnce,
    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        runOnce().catch((error: Error) => strapi.log.warn(`go-live worker: ${error.message}`));
      }, settings.pollSeconds * 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type GoLiveWorker = ReturnType<typeof createGoLiveWorker>;
