import type { Core } from '@strapi/strapi';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type DocumentNode, type GraphQLSchema } from 'graphql';
import { queryCost } from './query-cost';
import { publicGuardPlugin } from './public-guard';
import { badRequest } from './bad-request';
import type { NovinarConfig } from '../../config/novinar';

const APOLLO_CONFIG = 'plugin::graphql.apolloServer';

/**
 * Bounds the work of one GraphQL request before it runs, whoever sends it:
 * - at most GRAPHQL_MAX_TOKENS tokens per document (graphql-js's parser stops counting there),
 *   and, with graphql-armor, GRAPHQL_MAX_ALIASES aliases and GRAPHQL_MAX_DIRECTIVES directives (the alias bomb of 1,000
 *   `articles { related }` froze the server for 91 s);
 * - graphql-query-complexity (query-cost.ts): a cost where each list field counts as many times
 *   as the items it may return (its `limit`, `pageSize` or pagination, else the default page
 *   size), at most GRAPHQL_MAX_COST. Armor's own cost limit counts a list once, which would let
 *   `articles(pagination: { limit: 100 }) { related(limit: 20) … }` through at any nesting.
 * Depth stays with the plugin's depthLimit (GRAPHQL_DEPTH_LIMIT).
 * Then the public guard (public-guard.ts): no draft or embargoed content at any depth.
 * Registered in register(), before the GraphQL plugin builds its Apollo server at bootstrap.
 */
export function installGraphqlProtections(strapi: Core.Strapi): void {
  const limits = (strapi.config.get('novinar') as NovinarConfig).graphql;
  const armor = new ApolloArmor({
    maxAliases: { n: limits.maxAliases },
    // Armor's Apollo token plugin throws from parsingDidStart, which Apollo answers with a 500;
    // graphql-js counts tokens itself while parsing (parseOptions below), and that is a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const defaultLimit = strapi.config.get('plugin::graphql.defaultLimit', 25) as number;
  const configuredMax = strapi.config.get('plugin::graphql.maxLimit', -1) as number;
  // An unbounded maxLimit (-1) leaves "all items" unbounded: price it far above any cost limit.
  const listLimits = { defaultLimit, maxLimit: configuredMax > 0 ? configuredMax : limits.maxCost + 1 };
  const costPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({
          schema,
          document,
          request,
        }: {
          schema: GraphQLSchema;
          document: DocumentNode;
          request: { variables?: Record<string, unknown>; operationName?: string | null };
        }) {
          const cost = queryCost(schema, document, request.variables ?? {}, request.operationName ?? undefined, listLimits);
          if (cost > limits.maxCost) {
            throw badRequest(
              `Query is too expensive: cost ${cost} over the limit of ${limits.maxCost}. Ask for fewer items (limit, pagination) or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
  const current = (strapi.config.get(APOLLO_CONFIG) ?? {}) as { plugins?: unknown[]; validationRules?: unknown[] };
  strapi.config.set(APOLLO_CONFIG, {
    ...current,
    validationRules: [...(current.validationRules ?? []), ...armor.validationRules],
    plugins: [...(current.plugins ?? []), ...armor.plugins, costPlugin, publicGuardPlugin(strapi)],
    parseOptions: { ...((current as { parseOptions?: object }).parseOptions ?? {}), maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
  });
}
