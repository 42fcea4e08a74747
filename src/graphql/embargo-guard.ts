import type { Core } from '@strapi/strapi';
import { now } from '../clock';
import { isReleased, readAccess, type RequestState } from '../visibility';
import { ARTICLE } from '../uids';

type Resolve = (...args: unknown[]) => Promise<unknown>;
interface Dated {
  publicationDate?: string | null;
}
interface GraphqlContext {
  state?: RequestState;
}

function filterResult(result: unknown, at: Date): unknown {
  const keep = (entry: unknown) => isReleased((entry as Dated | null)?.publicationDate, at);
  if (Array.isArray(result)) return result.filter(keep);
  if (result && typeof result === 'object' && Array.isArray((result as { nodes?: unknown[] }).nodes)) {
    const connection = result as { nodes: unknown[] };
    return { ...connection, nodes: connection.nodes.filter(keep) };
  }
  return result && !keep(result) ? null : result;
}

/**
 * GraphQL resolves relations with `strapi.db.query().load()`, past the Document Service, so the
 * release filter of the visibility middleware does not reach nested fields such as
 * `tags { articles { … } }`. This resolver middleware drops embargoed articles from every
 * relation field that returns articles, for every caller but a preview.
 */
export function embargoGuardConfig(strapi: Core.Strapi): Record<string, { middlewares: Array<(resolve: Resolve, ...rest: unknown[]) => Promise<unknown>> }> {
  const guard = async (resolve: Resolve, ...rest: unknown[]) => {
    const result = await resolve(...rest);
    const context = rest[2] as GraphqlContext | undefined;
    const args = rest[1] as { status?: string } | undefined;
    return readAccess(context?.state, args?.status) === 'public' ? filterResult(result, now()) : result;
  };
  const config: Record<string, { middlewares: Array<typeof guard> }> = {};
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const typeName = (contentType as { globalId: string }).globalId;
    for (const [field, attribute] of Object.entries(contentType.attributes as Record<string, { type: string; target?: string }>)) {
      if (attribute.type !== 'relation' || attribute.target !== ARTICLE) continue;
      config[`${typeName}.${field}`] = { middlewares: [guard] };
      config[`${typeName}.${field}_connection`] = { middlewares: [guard] };
    }
  }
  return config;
}
