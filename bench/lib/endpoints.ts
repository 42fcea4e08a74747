/**
 * What is measured: the app's public read endpoints, their Strapi core equivalents and
 * Strapi's /_health (the framework ceiling), each with a varied set of URLs drawn from the
 * corpus so the database reads different rows (no single hot URL).
 */
import type { CorpusSample } from '../corpus/generate';
import type { LoadTarget } from './load';

export type EndpointId =
  | 'health'
  | 'by-slug'
  | 'related'
  | 'seo'
  | 'latest'
  | 'comment-counts'
  | 'graphql-related'
  | 'core-find-one'
  | 'core-filter-slug'
  | 'core-latest'
  | 'search'
  | 'core-containsi-title'
  | 'feed-rss'
  | 'feed-json'
  | 'sitemap-news'
  | 'sitemap-index'
  | 'sitemap-articles'
  | 'graphql-get';

export const ENDPOINT_LABELS: Record<EndpointId, string> = {
  health: 'Strapi /_health (framework ceiling)',
  'by-slug': 'article by slug',
  related: 'related feed (limit 3)',
  seo: 'article page head (/seo)',
  latest: 'latest teasers (limit 10)',
  'comment-counts': 'comment counts (10 slugs)',
  'graphql-related': 'GraphQL relatedArticles',
  'core-find-one': 'core findOne by documentId',
  'core-filter-slug': 'core find filtered by slug',
  'core-latest': 'core newest-10 list',
  search: 'search (GET /api/search, limit 10)',
  'core-containsi-title': 'core find, title $containsi (limit 10)',
  'feed-rss': 'RSS/Atom feeds (30 and 10 items)',
  'feed-json': 'JSON Feed (30 items)',
  'sitemap-news': 'Google News sitemap',
  'sitemap-index': 'sitemap index',
  'sitemap-articles': 'article sitemap page (up to 50,000 URLs)',
  'graphql-get': 'GraphQL GET relatedArticles',
};

/** The feeds and sitemaps, measured uncached and warm like the related feed they sit beside. */
const FEED_PATHS = ['/api/feeds/rss?locale=bg', '/api/feeds/rss?locale=bg&limit=10', '/api/feeds/atom?locale=bg'];
function feedTargets(): Array<LoadTarget & { id: EndpointId }> {
  return [
    { id: 'feed-rss', name: ENDPOINT_LABELS['feed-rss'], method: 'GET', paths: FEED_PATHS },
    { id: 'feed-json', name: ENDPOINT_LABELS['feed-json'], method: 'GET', paths: ['/api/feeds/json?locale=bg'] },
    { id: 'sitemap-news', name: ENDPOINT_LABELS['sitemap-news'], method: 'GET', paths: ['/api/sitemaps/news.xml'] },
    { id: 'sitemap-index', name: ENDPOINT_LABELS['sitemap-index'], method: 'GET', paths: ['/api/sitemaps/index.xml'] },
  ];
}

const graphqlGetPath = (slug: string) =>
  `/graphql?query=${enc('query Related($slug: String!) { relatedArticles(slug: $slug, locale: "bg", limit: 3) { slug title } }')}&variables=${enc(JSON.stringify({ slug }))}`;
/** Apollo's CSRF prevention wants this header on a GraphQL GET (a CDN passes it through). */
const GRAPHQL_GET_HEADERS = { 'apollo-require-preflight': 'true' };

/** How many distinct URLs the uncached measurements rotate over, and the warm ones. */
export const UNCACHED_URLS = 1000;
export const WARM_URLS = 200;
const SLUGS_PER_COUNT_REQUEST = 10;

const enc = encodeURIComponent;

function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)] as T);
}

export function bulgarianSamples(samples: readonly CorpusSample[]): CorpusSample[] {
  return samples.filter((sample) => sample.locale === 'bg');
}

const bySlugPath = (slug: string) => `/api/articles/by-slug/${enc(slug)}?locale=bg`;
const seoPath = (slug: string) => `/api/articles/by-slug/${enc(slug)}/seo?locale=bg`;
const relatedPath = (slug: string) => `/api/articles/by-slug/${enc(slug)}/related?locale=bg&limit=3`;

function graphqlBody(slug: string): string {
  return JSON.stringify({
    query: 'query Related($slug: String!) { relatedArticles(slug: $slug, locale: "bg", limit: 3) { slug title } }',
    variables: { slug },
  });
}

/**
 * What readers search for: a content word of each sampled headline (its longest word of five
 * letters or more), as typed, asked of the search endpoint and of Strapi's `$containsi` on title.
 */
export function searchWords(samples: readonly CorpusSample[]): string[] {
  const words = samples
    .map(
      (sample) =>
        sample.title
          .split(/[^\p{L}]+/u)
          .filter((word) => word.length >= 5)
          .sort((a, b) => b.length - a.length)[0],
    )
    .filter((word): word is string => Boolean(word));
  return spread(words, UNCACHED_URLS);
}

/** Every endpoint with its URL set, in measurement order. */
export function uncachedTargets(samples: readonly CorpusSample[]): Array<LoadTarget & { id: EndpointId }> {
  const chosen = spread(bulgarianSamples(samples), UNCACHED_URLS);
  const slugs = chosen.map((sample) => sample.slug);
  const countQueries = Array.from(
    { length: Math.max(1, Math.floor(slugs.length / SLUGS_PER_COUNT_REQUEST)) },
    (_, i) =>
      `/api/comments/counts?locale=bg&slugs=${slugs
        .slice(i * SLUGS_PER_COUNT_REQUEST, (i + 1) * SLUGS_PER_COUNT_REQUEST)
        .map(enc)
        .join(',')}`,
  );
  const targets: Array<LoadTarget & { id: EndpointId }> = [
    { id: 'health', name: ENDPOINT_LABELS.health, method: 'GET', paths: ['/_health'] },
    { id: 'by-slug', name: ENDPOINT_LABELS['by-slug'], method: 'GET', paths: slugs.map(bySlugPath) },
    { id: 'related', name: ENDPOINT_LABELS.related, method: 'GET', paths: slugs.map(relatedPath) },
    { id: 'seo', name: ENDPOINT_LABELS.seo, method: 'GET', paths: slugs.map(seoPath) },
    { id: 'latest', name: ENDPOINT_LABELS.latest, method: 'GET', paths: ['/api/teasers/latest?locale=bg&limit=10'] },
    { id: 'comment-counts', name: ENDPOINT_LABELS['comment-counts'], method: 'GET', paths: countQueries },
    { id: 'graphql-related', name: ENDPOINT_LABELS['graphql-related'], method: 'POST', paths: ['/graphql'], bodies: slugs.map(graphqlBody) },
    {
      id: 'core-find-one',
      name: ENDPOINT_LABELS['core-find-one'],
      method: 'GET',
      paths: chosen.map((sample) => `/api/articles/${sample.documentId}?locale=bg`),
    },
    {
      id: 'core-filter-slug',
      name: ENDPOINT_LABELS['core-filter-slug'],
      method: 'GET',
      paths: slugs.map((slug) => `/api/articles?filters[slug][$eq]=${enc(slug)}&locale=bg`),
    },
    {
      id: 'core-latest',
      name: ENDPOINT_LABELS['core-latest'],
      method: 'GET',
      paths: ['/api/articles?sort=publicationDate:desc&pagination[pageSize]=10&locale=bg'],
    },
    {
      id: 'search',
      name: ENDPOINT_LABELS.search,
      method: 'GET',
      paths: searchWords(chosen).map((word) => `/api/search?q=${enc(word.toLocaleLowerCase('bg'))}&locale=bg&limit=10`),
    },
    {
      id: 'core-containsi-title',
      name: ENDPOINT_LABELS['core-containsi-title'],
      method: 'GET',
      paths: searchWords(chosen).map(
        (word) => `/api/articles?filters[title][$containsi]=${enc(word.toLocaleLowerCase('bg'))}&locale=bg&pagination[pageSize]=10`,
      ),
    },
    ...feedTargets(),
    { id: 'graphql-get', name: ENDPOINT_LABELS['graphql-get'], method: 'GET', paths: slugs.map(graphqlGetPath), headers: GRAPHQL_GET_HEADERS },
  ];
  return targets;
}

/** The warm phase: /_health again, and by-slug and related over WARM_URLS URLs requested once beforehand. */
export function warmTargets(samples: readonly CorpusSample[]): Array<LoadTarget & { id: EndpointId }> {
  const slugs = spread(bulgarianSamples(samples).slice().reverse(), WARM_URLS).map((sample) => sample.slug);
  return [
    { id: 'health', name: ENDPOINT_LABELS.health, method: 'GET', paths: ['/_health'] },
    { id: 'by-slug', name: ENDPOINT_LABELS['by-slug'], method: 'GET', paths: slugs.map(bySlugPath) },
    { id: 'related', name: ENDPOINT_LABELS.related, method: 'GET', paths: slugs.map(relatedPath) },
    ...feedTargets(),
    { id: 'sitemap-articles', name: ENDPOINT_LABELS['sitemap-articles'], method: 'GET', paths: ['/api/sitemaps/articles/bg-1.xml'] },
    { id: 'graphql-get', name: ENDPOINT_LABELS['graphql-get'], method: 'GET', paths: slugs.map(graphqlGetPath), headers: GRAPHQL_GET_HEADERS },
  ];
}

const WARM_UP_CONCURRENCY = 8;

/** Requests every URL of the warm targets once (a few at a time) so the response cache holds them. */
export async function warmUp(baseUrl: string, targets: ReadonlyArray<LoadTarget>): Promise<number> {
  const queue = targets.flatMap((target) => (target.method === 'GET' ? target.paths : []));
  let failures = 0;
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const response = await fetch(baseUrl + path, { redirect: 'manual', headers: path.startsWith('/graphql') ? GRAPHQL_GET_HEADERS : {} });
      await response.arrayBuffer();
      if (response.status >= 400) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: WARM_UP_CONCURRENCY }, worker));
  return failures;
}
