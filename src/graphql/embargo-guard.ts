import type { Core } from '@strapi/strapi';
import { isEmbargoed } from '../domain/dates';
import { now } from '../clock';
import { isPrivilegedRequest } from '../document-middlewares/public-visibility';
import { ARTICLE } from '../uids';

type Resolve = (...args: unknown[]) => Promise<unknown>;
interface Dated { publicationDate?: string | null }
interface GraphqlContext { state?: Parameters<typeof isPrivilegedRequest>[0] }

const keep = (entry: unknown) => !isEmbargoed((entry as Dated | null)?.publicationDate ?? null, now());

function filterResult(result: unknown): unknown {
  if (Array.isArray(result)) return result.filter(keep);
  if (result && typeof result === 'object' && Array.isArray((result as { nodes?: unknown[] }).nodes)) {
    const connection = result as { nodes: unknown[] };
    return { ...connection, nodes: connection.nodes.filter(keep) };
  }
  return result && !keep(result) ? null : result;
}

/**
 * GraphQL resolves relations with `strapi.db.query().load()`, past the Document Service, so the
 * embargo filter of public-visibility.ts does not reach nested fields such as
 * `tags { articles { … } }`. This resolver middleware drops embargoed articles from every
 * relation field that returns articles.
 */
export function embargoGuardConfig(strapi: Core.Strapi): Record<string, { middlewares: Array<(resolve: Resolve, ...rest: unknown[]) => Promise<unknown>> }> {
  const guard = async (resolve: Resolve, ...rest: unknown[]) => {
    const result = await resolve(...rest);
    const context = rest[2] as GraphqlContext | undefined;
    return isPrivilegedRequest(context?.state) ? result : filterResult(result);
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
