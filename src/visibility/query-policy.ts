import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkQuery, type QueryPolicy, type TypeShape } from '../domain/visibility/check-query';
import { PUBLIC_READ_TYPES, SECTION, SOURCE_AGENCY, TAG } from '../uids';
import type { ReadAccess } from './access';

/**
 * Types a public filter or sort may join: they have no drafts and nothing embargoed, so a join
 * into them tells a caller nothing that a plain read of them does not. Articles and teasers are
 * left out: their rows include drafts, unpublished edits and embargoed stories. So are authors:
 * a draft author's name or bio would be an oracle through `filters[authors]`; an author's
 * stories are listed by the author endpoints and `/api/teasers/latest?author=`, which join
 * published author rows only.
 */
export const PUBLIC_FILTER_TARGETS: ReadonlySet<string> = new Set([TAG, SECTION, SOURCE_AGENCY]);

/** What a public populate may reach: the public types, and media files (without their own relations). */
export const PUBLIC_POPULATE_TARGETS: ReadonlySet<string> = new Set([...PUBLIC_READ_TYPES, 'plugin::upload.file']);

const shapes = new WeakMap<object, Record<string, TypeShape>>();

/** Content types and components as plain data for the pure checker (built once per app). */
function typeShapes(strapi: Core.Strapi): Record<string, TypeShape> {
  const cached = shapes.get(strapi);
  if (cached) return cached;
  const types: Record<string, TypeShape> = {};
  const models = { ...strapi.contentTypes, ...strapi.components } as Record<string, { attributes: Record<string, unknown> }>;
  for (const [uid, model] of Object.entries(models)) {
    types[uid] = { attributes: model.attributes as TypeShape['attributes'] };
  }
  shapes.set(strapi, types);
  return types;
}

export function queryPolicy(strapi: Core.Strapi, access: ReadAccess, operatorPrefix: '$' | ''): QueryPolicy {
  const isPublic = access === 'public';
  return {
    types: typeShapes(strapi),
    reachable: isPublic ? PUBLIC_FILTER_TARGETS : null,
    populatable: isPublic ? PUBLIC_POPULATE_TARGETS : null,
    operatorPrefix,
  };
}

/**
 * Refuses, with a 400 naming the parameter, a reading query that is malformed or that could
 * reach unpublished content for this caller. Called by the REST controllers of the public types
 * and by the GraphQL guard, before Strapi parses the query.
 */
export function assertReadableQuery(
  strapi: Core.Strapi,
  uid: string,
  query: Record<string, unknown>,
  access: ReadAccess,
  operatorPrefix: '$' | '' = '$',
): void {
  const problems = checkQuery(query, uid, queryPolicy(strapi, access, operatorPrefix));
  if (problems.length === 0) return;
  const [first] = problems;
  throw new errors.ValidationError(`${first.param}: ${first.message}`, {
    errors: problems.map((problem) => ({ path: [problem.param], message: problem.message, name: 'ValidationError' })),
  });
}
