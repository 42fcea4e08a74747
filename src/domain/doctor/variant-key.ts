/** One locale variant of a document as a set key (document ids and locale codes never hold a tab). */
export const variantKey = (documentId: string, locale: string): string => `${documentId}\t${locale}`;

export function parseVariantKey(key: string): { documentId: string; locale: string } {
  const [documentId, locale] = key.split('\t');
  return { documentId, locale };
}
