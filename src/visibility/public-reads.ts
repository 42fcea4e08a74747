import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { now } from '../clock';
import { ARTICLE } from '../uids';
import { currentReadAccess } from './access';
import { wherePublicArticle } from './release-rule';

/**
 * The moment against which the request being served checks releases: now for content-API
 * requests (anonymous or with a token; the hand-written readers have no preview), null for
 * internal reads, which see embargoed stories too.
 */
export function publicReadMoment(strapi: Core.Strapi): Date | null {
  return currentReadAccess(strapi) === 'internal' ? null : now();
}

/** Hand-written article reads: published rows, released for the request being served. */
export function wherePublicArticleForRequest(strapi: Core.Strapi, query: Knex.QueryBuilder, alias: string): Knex.QueryBuilder {
  return wherePublicArticle(query, alias, publicReadMoment(strapi));
}

/**
 * The next moment an embargoed story goes public: the earliest future publicationDate among
 * published articles, or null. Caches end their entries by then, so nothing computed before a
 * release hides the story after it.
 */
export async function nextEmbargoEnd(strapi: Core.Strapi): Promise<Date | null> {
  const upcoming = (await strapi.db.query(ARTICLE).findOne({
    where: { publishedAt: { $notNull: true }, publicationDate: { $gt: now().toISOString() } },
    select: ['publicationDate'],
    orderBy: { publicationDate: 'asc' },
  })) as { publicationDate: string } | null;
  return upcoming ? new Date(upcoming.publicationDate) : null;
}
