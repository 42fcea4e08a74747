import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { getNamedType, getNullableType, isListType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Fields answered by a database read of their own on every appearance (feeds, counts, lookups
 * by slug): each costs as much as this many plain fields, on top of what it returns.
 */
const READ_COST = 10;
const READING_FIELDS = new Set([
  'Query.articleBySlug',
  'Query.relatedArticles',
  'Query.latestTeasers',
  'Query.comments',
  'Query.commentCounts',
  'Article.related',
  'Article.commentCount',
  'Query.authorBySlug',
  'Query.authorArticles',
  'Query.articleSeo',
  'Article.seo',
]);

/**
 * Lists computed with their parent, with no read of their own, and short by nature (a story's
 * bylines, its locale variants): priced at this many items instead of the default page size,
 * so a page query asking for cards with bylines and the page head stays affordable.
 */
const SHORT_LISTS: Readonly<Record<string, number>> = {
  'TeaserCard.authors': 5,
  'ArticleSeo.alternates': 5,
  'ArticleSeo.localizations': 5,
};

export interface ListLimits {
  /** Items of a list when the query names no size (the plugin's defaultLimit). */
  defaultLimit: number;
  /** Items when the query asks for "all" (a size below 1, which Strapi turns into maxLimit). */
  maxLimit: number;
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** How many items a field may return: its limit/pageSize/pagination, else the default page size for lists. */
function itemsOf({ field, args }: ComplexityEstimatorArgs, { defaultLimit, maxLimit }: ListLimits): number {
  const pagination = (args.pagination ?? {}) as { limit?: unknown; pageSize?: unknown };
  const asked = asNumber(args.limit) ?? asNumber(args.pageSize) ?? asNumber(pagination.limit) ?? asNumber(pagination.pageSize);
  // limit: -1 means "everything" to Strapi (capped at maxLimit): price it as that.
  if (asked !== null) return asked >= 1 ? asked : maxLimit;
  const type = getNullableType(field.type);
  const collection = getNamedType(field.type).name.endsWith('ResponseCollection');
  return isListType(type) || collection ? defaultLimit : 1;
}

/**
 * The cost of a GraphQL operation: a scalar costs 1; an object field 1 plus its selection's cost
 * times the number of items it may return; fields that read the database on their own add
 * READ_COST. Aliases count as separate fields, so the cost bounds the work of the whole document.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  limits: ListLimits,
): number {
  const estimator = (options: ComplexityEstimatorArgs): number => {
    // Introspection lists are as long as the schema, not as the archive: count them once.
    if (options.type.name.startsWith('__') || options.field.name.startsWith('__')) return 1 + options.childComplexity;
    const coordinate = `${options.type.name}.${options.field.name}`;
    const own = READING_FIELDS.has(coordinate) ? READ_COST : 1;
    if (!isObjectType(getNamedType(options.field.type))) return own;
    return own + (SHORT_LISTS[coordinate] ?? itemsOf(options, limits)) * Math.max(options.childComplexity, 1);
  };
  return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
}
