import type { Core } from '@strapi/strapi';
import { isSyncingTeaser } from './teaser-sync';
import { TEASER } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
const WORDING = ['title', 'lede', 'image'];

/**
 * A teaser written or edited by a person is theirs: its wording must survive later edits of
 * the article, so such writes switch `syncWithArticle` off (unless they set it explicitly,
 * e.g. to hand the teaser back to the article).
 */
export function teaserOwnershipMiddleware(): Middleware {
  return async (context, next) => {
    if (context.uid !== TEASER || !['create', 'update'].includes(context.action) || isSyncingTeaser()) return next();
    const params = context.params as { data?: Record<string, unknown> };
    const data = params.data ?? {};
    if (!('syncWithArticle' in data) && WORDING.some((field) => field in data)) data.syncWithArticle = false;
    params.data = data;
    return next();
  };
}
