import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { feedNarrowing, type FeedNarrowing } from '../teasers/latest-teasers';
import { ARTICLE, AUTHOR, SECTION, SOURCE_AGENCY, TAG } from '../uids';
import type { FeedStory } from '../domain/feeds/feed-story';
import type { SiteUrls } from './site-urls';

export const FEED_DEFAULT_LIMIT = 30;
export const FEED_MAX_LIMIT = 100;

export interface FeedQuery extends FeedNarrowing {
  locale: string;
  limit: number;
}

interface Named {
  name: string;
  documentId?: string;
  slug?: string;
  creditLine?: string | null;
  url?: string | null;
}
interface Row {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  lede: string | null;
  publicationDate: string | null;
  updatedDate: string | null;
  publishedAt: string;
  sourceAgency: Named | null;
  section: Named | null;
  tags: Named[];
  authors?: Named[];
  cover: { url: string; mime: string | null; size: number | null; width: number | null; height: number | null; alternativeText: string | null } | null;
}

/**
 * The newest stories of a feed, read through the Document Service: the visibility middleware
 * (src/visibility) keeps it to published, released rows for the public request being served,
 * populated relations included, and the narrowing is the latest feed's (`feedNarrowing`).
 */
export async function findFeedStories(strapi: Core.Strapi, query: FeedQuery, urls: SiteUrls): Promise<{ stories: FeedStory[]; documentIds: string[] }> {
  const filters = feedNarrowing(query);
  const rows = (await strapi.documents(ARTICLE).findMany({
    locale: query.locale,
    status: 'published',
    filters: filters.length ? { $and: filters } : {},
    sort: [{ publicationDate: 'desc' }, { documentId: 'desc' }],
    limit: query.limit,
    fields: ['documentId', 'locale', 'title', 'slug', 'lede', 'publicationDate', 'updatedDate', 'publishedAt'],
    populate: {
      sourceAgency: { fields: ['name', 'creditLine', 'url'] },
      section: { fields: ['name', 'slug'] },
      tags: { fields: ['name'] },
      authors: { fields: ['documentId', 'name', 'slug'] },
      cover: { fields: ['url', 'mime', 'size', 'width', 'height', 'alternativeText'] },
    },
  } as never)) as unknown as Row[];
  const documentIds = rows.flatMap((row) => [row.documentId, ...(row.authors ?? []).flatMap((author) => (author.documentId ? [author.documentId] : []))]);
  return { stories: rows.map((row) => toStory(row, urls)), documentIds };
}

function toStory(row: Row, urls: SiteUrls): FeedStory {
  const published = new Date(row.publicationDate ?? row.publishedAt);
  return {
    id: `urn:novinar:article:${row.documentId}:${row.locale}`,
    url: urls.article(row.locale, row.slug),
    title: row.title,
    summary: row.lede || null,
    published,
    updated: row.updatedDate ? new Date(Math.max(published.getTime(), new Date(row.updatedDate).getTime())) : published,
    authors: (row.authors ?? []).map((author) => ({ name: author.name, url: author.slug ? urls.author(row.locale, author.slug) : null })),
    agency: row.sourceAgency ? { name: row.sourceAgency.name, creditLine: row.sourceAgency.creditLine ?? null, url: row.sourceAgency.url ?? null } : null,
    section: row.section?.slug ? { name: row.section.name, url: urls.section(row.locale, row.section.slug) } : null,
    tags: row.tags.map((tag) => tag.name),
    cover: row.cover
      ? {
          url: urls.media(row.cover.url),
          type: row.cover.mime,
          // Strapi stores sizes in kB; RSS enclosures give bytes.
          length: row.cover.size === null ? null : Math.round(Number(row.cover.size) * 1024),
          width: row.cover.width,
          height: row.cover.height,
          alt: row.cover.alternativeText,
        }
      : null,
  };
}

const NARROWING_TYPES = [
  { param: 'section', uid: SECTION },
  { param: 'tag', uid: TAG },
  { param: 'agency', uid: SOURCE_AGENCY },
  { param: 'author', uid: AUTHOR },
] as const;

/**
 * The name of what the feed is narrowed to (for its title), or a 404 naming the parameter when
 * no such section, tag, agency or (published) author exists in the locale.
 */
export async function narrowingNames(strapi: Core.Strapi, query: FeedQuery): Promise<string[]> {
  const names: string[] = [];
  for (const { param, uid } of NARROWING_TYPES) {
    const slug = query[param];
    if (!slug) continue;
    const found = (await strapi.documents(uid).findFirst({ locale: query.locale, status: 'published', filters: { slug }, fields: ['name'] } as never)) as {
      name?: string;
    } | null;
    if (!found) throw new errors.NotFoundError(`No ${param} with slug "${slug}" in locale ${query.locale}.`);
    names.push(String(found.name ?? slug));
  }
  return names;
}
