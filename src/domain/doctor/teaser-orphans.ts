/** A published teaser variant, with the articles any of its rows links to. */
export interface PublishedTeaser {
  documentId: string;
  locale: string;
  url: string | null;
  articleDocumentIds: readonly string[];
}

/**
 * Published teasers that lead nowhere: no link to an external `url`, and none of their
 * articles has a published variant in the teaser's locale (the article was deleted, or
 * unpublished and the teaser left out, as a crash between the two writes leaves it). Such a
 * teaser shows a story nobody can open.
 */
export function teaserOrphans(
  teasers: readonly PublishedTeaser[],
  publishedArticles: ReadonlySet<string>,
  key: (documentId: string, locale: string) => string,
): PublishedTeaser[] {
  return teasers
    .filter((teaser) => !teaser.url && !teaser.articleDocumentIds.some((id) => publishedArticles.has(key(id, teaser.locale))))
    .sort((a, b) => (key(a.documentId, a.locale) < key(b.documentId, b.locale) ? -1 : 1));
}
