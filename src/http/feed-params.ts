import { errors } from '@strapi/utils';
import { SLUG_PATTERN } from '../domain/slug';

/** An optional slug-valued filter (section=, tag=, agency=): a 400 when it cannot be a slug. */
export function optionalSlugParam(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !SLUG_PATTERN.test(value)) throw new errors.ValidationError(`${name} must be a slug (lower-case a-z, 0-9 and hyphens).`);
  return value;
}

export function optionalStringParam(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 512) throw new errors.ValidationError(`${name} must be a single string.`);
  return value;
}
