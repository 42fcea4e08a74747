/** A Strapi blocks node, as far as plain text needs it. */
interface BlockNode {
  type?: string;
  text?: string;
  children?: BlockNode[];
}

function nodeText(node: BlockNode): string {
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(nodeText).join(node.type === 'list' ? '\n' : '');
}

/**
 * Strapi blocks → plain text, one paragraph (block) per blank-line-separated chunk: the shape
 * the related-article analysis expects (its lede fallback reads the first paragraph).
 */
export function blocksToText(blocks: unknown): string {
  if (typeof blocks === 'string') return blocks;
  if (!Array.isArray(blocks)) return '';
  return (blocks as BlockNode[])
    .map(nodeText)
    .map((text) => text.trim())
    .filter(Boolean)
    .join('\n\n');
}
