import type { Core } from '@strapi/strapi';
import {
  getNamedType,
  getVariableValues,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { assertReadableQuery, holdsApiToken, type RequestState } from '../visibility';
import { badRequest } from './bad-request';

interface GuardContext {
  state?: RequestState;
  rootQueryArgsByPath?: Map<string | number, Record<string, unknown>>;
}
interface RequestHookArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  request: { variables?: Record<string, unknown> };
  contextValue: GuardContext;
}
interface FieldHookArgs {
  source: unknown;
  args: Record<string, unknown>;
  contextValue: GuardContext;
  info: GraphQLResolveInfo;
}

const PUBLICATION_ARGS = ['publicationFilter', 'hasPublishedVersion'];
const TYPE_SUFFIXES = ['FiltersInput', 'RelationResponseCollection', 'EntityResponseCollection', 'EntityResponse'];

/** GraphQL type names (Article, ArticleFiltersInput, ArticleRelationResponseCollection…) → content-type uid. */
function typeIndex(strapi: Core.Strapi): (typeName: string) => string | undefined {
  const byGlobalId = new Map<string, string>();
  for (const [uid, model] of Object.entries({ ...strapi.contentTypes, ...strapi.components })) {
    byGlobalId.set((model as { globalId: string }).globalId, uid);
  }
  return (typeName) => {
    const suffix = TYPE_SUFFIXES.find((candidate) => typeName.endsWith(candidate));
    return byGlobalId.get(suffix ? typeName.slice(0, -suffix.length) : typeName);
  };
}

/**
 * The public side of GraphQL, as an Apollo plugin (the REST side is the readable-query policy):
 * - Before execution, every `filters` and `sort` argument anywhere in the document (root,
 *   nested relations, fragments, variables) is checked like a REST query: an anonymous caller
 *   may not filter or sort through articles, teasers or `localizations`, and may not send
 *   `publicationFilter`/`hasPublishedVersion`. Refused with a 400 naming the argument.
 * - During execution, unless the caller previews (an API token and `status: DRAFT` on the root
 *   field): the `status` a root query passes on to its nested relation fields is forced to
 *   published (Strapi's association resolvers inherit the root's status, so
 *   `tags(status: DRAFT) { articles { lede } }` read drafts), and every relation field reads
 *   published rows (custom root fields such as articleBySlug pass no status at all).
 */
export function publicGuardPlugin(strapi: Core.Strapi) {
  let uidOf: ((typeName: string) => string | undefined) | null = null;
  return {
    async requestDidStart() {
      let tokenHolder = false;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }: RequestHookArgs) {
          tokenHolder = holdsApiToken(contextValue.state);
          // PostgreSQL text cannot hold NUL: refused here instead of failing in SQL (with the
          // statement in the error).
          if (hasNul(document, request.variables)) throw badRequest('Strings must not contain a NUL character (\\u0000).');
          if (operation.operation === 'subscription') throw badRequest('Subscriptions are not offered: use a query, or webhooks for changes.');
          if (operation.operation !== 'query') return;
          uidOf ??= typeIndex(strapi);
          const index = uidOf;
          // Defaults of variables not sent count too: `query ($f: TagFiltersInput = {…})`.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return; // execution refuses the variables with a 400 of its own
          const variables = coerced.coerced as Record<string, unknown>;
          // As in REST, a token previews only when it asks for drafts: here, every root field does.
          const access = tokenHolder && asksForDraftsEverywhere(operation, variables) ? 'preview' : 'public';
          const typeInfo = new TypeInfo(schema);
          let problem: Error | null = null;
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              Argument(node) {
                if (problem) return;
                const argument = typeInfo.getArgument();
                const field = typeInfo.getFieldDef();
                if (!argument || !field) return;
                const name = node.name.value;
                if (access === 'public' && PUBLICATION_ARGS.includes(name)) {
                  problem = badRequest(`${field.name}(${name}): tells drafts apart and is only for previews with an API token.`);
                  return;
                }
                if (name !== 'filters' && name !== 'sort') return;
                const uid = index(getNamedType(name === 'filters' ? argument.type : field.type).name);
                const value = valueFromAST(node.value, argument.type, variables);
                if (!uid || value === undefined) return;
                try {
                  assertReadableQuery(strapi, uid, { [name]: value }, access, '');
                } catch (error) {
                  problem = badRequest(`${field.name}: ${(error as Error).message}`);
                }
              },
            }),
          );
          if (problem) throw problem;
        },
        async executionDidStart() {
          return {
            willResolveField({ source, args, contextValue, info }: FieldHookArgs) {
              if (info.operation.operation !== 'query') return;
              if (!source) {
                const preview = tokenHolder && args.status === 'draft';
                const inherited = contextValue.rootQueryArgsByPath?.get(info.path.key);
                if (inherited && !preview) {
                  inherited.status = 'published';
                  for (const name of PUBLICATION_ARGS) delete inherited[name];
                }
                if ('status' in args && !preview) args.status = 'published';
              } else if (uidOf?.(getNamedType(info.returnType).name)) {
                let root = info.path;
                while (root.prev) root = root.prev;
                const preview = tokenHolder && contextValue.rootQueryArgsByPath?.get(root.key)?.status === 'draft';
                args.status = preview ? 'draft' : 'published';
              }
            },
          };
        },
      };
    },
  };
}

/** Whether a string literal of the document or a variable holds a NUL character. */
function hasNul(document: DocumentNode, variables: unknown): boolean {
  let found = JSON.stringify(variables ?? null).includes('\\u0000');
  if (!found) {
    visit(document, {
      StringValue(node) {
        if (node.value.includes('\u0000')) found = true;
      },
    });
  }
  return found;
}

/** Whether every root field of the operation asks for drafts (`status: DRAFT`). */
function asksForDraftsEverywhere(operation: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
  return operation.selectionSet.selections.every((selection) => {
    if (selection.kind !== 'Field') return false;
    const status = selection.arguments?.find((argument) => argument.name.value === 'status')?.value;
    if (!status) return false;
    if (status.kind === 'EnumValue') return status.value === 'DRAFT';
    return status.kind === 'Variable' && variables[status.name.value] === 'draft';
  });
}
