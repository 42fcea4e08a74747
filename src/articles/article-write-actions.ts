/** What a Document Service action on an article does to its public life. */
export interface ArticleWriteParams {
  documentId?: string;
  locale?: string | string[];
  status?: string;
}

/** Publishes: `publish`, and create/update with status 'published' (which publish internally, past the 'publish' middleware). */
export const articlePublishes = (action: string, params: ArticleWriteParams): boolean =>
  action === 'publish' || (['create', 'update'].includes(action) && params.status === 'published');

/** Takes the published article away: unpublish or delete. */
export const articleGoesAway = (action: string): boolean => action === 'unpublish' || action === 'delete';
