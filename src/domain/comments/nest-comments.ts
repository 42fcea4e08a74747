/** Builds the reply tree shown under an article from a flat, visible-only list. */

export type NestedComment<T> = T & { replies: Array<NestedComment<T>> };

/**
 * Nests replies under their parents at any depth, keeping the input order (oldest first)
 * among siblings. The input holds only comments readers may see, so a reply whose parent is
 * missing answers a comment that is pending, spam or removed: it is dropped, with its own
 * replies, because shown alone it would read as a top-level comment answering nothing, or
 * reveal what the hidden comment said. A parent listed after its reply is still found, and
 * comments in a cycle (corrupt data) have no visible root and are dropped too.
 * The input objects are not modified.
 */
export function nestComments<T extends { documentId: string; parentId: string | null }>(flat: T[]): Array<NestedComment<T>> {
  const nodes = flat.map((comment): NestedComment<T> => ({ ...comment, replies: [] }));
  const byId = new Map<string, NestedComment<T>>();
  for (const node of nodes) {
    // The first occurrence of a repeated id wins; later copies are dropped, not shown twice.
    if (!byId.has(node.documentId)) byId.set(node.documentId, node);
  }
  const roots: Array<NestedComment<T>> = [];
  for (const node of nodes) {
    if (byId.get(node.documentId) !== node) continue;
    if (node.parentId === null || node.parentId === '') {
      roots.push(node);
      continue;
    }
    const parent = byId.get(node.parentId);
    if (parent !== undefined && parent !== node) parent.replies.push(node);
  }
  return roots;
}
