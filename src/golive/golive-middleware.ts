import type { Core } from '@strapi/strapi';
import { planGoLive } from '../domain/golive/plan-go-live';
import { inTransaction } from '../database/transaction';
import { now } from '../clock';
import { ARTICLE } from '../uids';
import { createGoLiveStore } from './golive-store';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
interface Params {
  documentId?: string;
  locale?: string | string[];
  status?: string;
}

/**
 * Plans a document's go-live moments from its published variants as they are now: one pending
 * moment per embargoed variant, none for the others (also used by the doctor to repair).
 */
export async function replanGoLive(strapi: Core.Strapi, documentId: string): Promise<void> {
  await inTransaction(strapi, async (trx) => {
    const store = createGoLiveStore(trx);
    const published = (await strapi.db.query(ARTICLE).findMany({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['locale', 'publicationDate'],
    })) as Array<{ locale: string; publicationDate: string | null }>;
    const due = planGoLive(published, now()).filter((plan) => plan.goLiveAt !== null);
    // Variants released, unpublished or deleted (the whole document too) have nothing pending.
    await store.cancelExcept(
      documentId,
      due.map((plan) => plan.locale),
    );
    for (const plan of due) await store.schedule(documentId, plan.locale, plan.goLiveAt as Date);
  });
}

/**
 * Keeps the go-live moments in step with the articles: a publish with a future publicationDate
 * schedules one (per locale variant), a publish with a past date, an unpublish or a delete
 * cancels the pending one. Runs after the write succeeded, in its transaction when there is one.
 */
export function goLiveMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as Params;
    const publishes = context.action === 'publish' || (['create', 'update'].includes(context.action) && params.status === 'published');
    const removes = context.action === 'unpublish' || context.action === 'delete';
    if (!publishes && !removes) return next();
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    await replanGoLive(strapi, documentId);
    return result;
  };
}
