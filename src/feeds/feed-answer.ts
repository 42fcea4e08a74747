import type { Core } from '@strapi/strapi';
import { listTag, docTag } from '../cache/response-cache';
import { feedUpdated, type FeedChannel } from '../domain/feeds/feed-story';
import { renderAtom, renderJsonFeed, renderRss } from '../domain/feeds/render-feeds';
import { now } from '../clock';
import type { TextAnswer } from '../http/respond-text';
import { ARTICLE, AUTHOR } from '../uids';
import { findFeed, type FeedQuery } from './feed-stories';
import { siteUrls } from './site-urls';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  // The JSON Feed 1.1 specification's MIME type.
  json: 'application/feed+json; charset=utf-8',
};

const RENDER = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } as const;

/** The feed's own query string (canonical order), for its self links in every format. */
function feedQueryString(query: FeedQuery, defaultLimit: number): string {
  const params = new URLSearchParams({ locale: query.locale });
  for (const name of ['agency', 'author', 'section', 'tag'] as const) if (query[name]) params.set(name, query[name] as string);
  if (query.limit !== defaultLimit) params.set('limit', String(query.limit));
  return params.toString();
}

/**
 * One feed in one format. Cached like every public GET (src/middlewares/response-cache.ts): the
 * entry carries the article list tag (any article going public, changing or going away), the
 * documents shown (stories and their authors) and the author list tag.
 */
export async function feedAnswer(strapi: Core.Strapi, format: FeedFormat, query: FeedQuery, defaultLimit: number): Promise<TextAnswer> {
  const urls = siteUrls(strapi);
  // One statement: the stories and the names of what the feed is narrowed to (or a 404).
  const { names, stories, documentIds } = await findFeed(strapi, query, urls);
  const qs = feedQueryString(query, defaultLimit);
  const title = [urls.siteName, ...names].join(' — ');
  const channel: FeedChannel = {
    title,
    description: title,
    siteUrl: urls.home(query.locale),
    links: { rss: urls.api(`/api/feeds/rss?${qs}`), atom: urls.api(`/api/feeds/atom?${qs}`), json: urls.api(`/api/feeds/json?${qs}`) },
    language: query.locale,
    updated: feedUpdated(stories, now()),
    publicationName: urls.siteName,
  };
  return {
    body: RENDER[format](channel, stories),
    contentType: FEED_CONTENT_TYPES[format],
    lastModified: stories.length ? channel.updated : null,
    cacheTags: [listTag(ARTICLE), listTag(AUTHOR), ...documentIds.map(docTag)],
  };
}
