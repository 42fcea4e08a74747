/** Names of the tags cached public responses carry; written once, used by readers and invalidation. */
export const docTag = (documentId: string) => `doc:${documentId}`;
export const listTag = (uid: string) => `list:${uid}`;
export const relatedTag = (documentId: string, locale: string) => `related:${documentId}:${locale}`;
export const commentsTag = (articleDocumentId: string) => `comments:${articleDocumentId}`;
export const GRAPHQL_TAG = 'graphql';
