/**
 * The public site's path of an article: ARTICLE_PATH_PATTERN with `{locale}` and `{slug}`
 * filled in, each URL-encoded. Cards, the go-live webhook and the editors' preview link all
 * build the path here, so the three agree.
 */
export function articlePath(pattern: string, locale: string, slug: string): string {
  return pattern.replace('{locale}', encodeURIComponent(locale)).replace('{slug}', encodeURIComponent(slug));
}
