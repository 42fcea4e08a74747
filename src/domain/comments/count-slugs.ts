import { SLUG_PATTERN } from '../slug/validate-slug';

/** How many articles one comment-count request may ask about (REST and GraphQL alike). */
export const MAX_COUNT_SLUGS = 100;

export type CountSlugs = { slugs: string[] } | { problem: string };

/**
 * The article slugs a comment-count request asks about: each one once, at most
 * MAX_COUNT_SLUGS of them, every one shaped like a slug; else the problem to answer 400 with.
 */
export function countSlugs(requested: readonly string[], max = MAX_COUNT_SLUGS): CountSlugs {
  const slugs = [...new Set(requested)];
  if (slugs.length > max) return { problem: `slugs may list at most ${max} articles.` };
  const bad = slugs.find((slug) => !SLUG_PATTERN.test(slug));
  if (bad !== undefined) return { problem: `"${bad}" is not a valid slug.` };
  return { slugs };
}
