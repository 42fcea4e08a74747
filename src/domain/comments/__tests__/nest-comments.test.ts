import { nestComments } from '../nest-comments';

type Row = { documentId: string; parentId: string | null; body: string };
const row = (documentId: string, parentId: string | null = null): Row => ({ documentId, parentId, body: `text ${documentId}` });

/** Compact picture of a tree: "a(b(c),d)". */
function shape(nodes: ReturnType<typeof nestComments<Row>>): string {
  return nodes.map((n) => (n.replies.length > 0 ? `${n.documentId}(${shape(n.replies)})` : n.documentId)).join(',');
}

describe('nestComments', () => {
  test.each<[string, Row[], string]>([
    ['an empty list', [], ''],
    ['top-level comments keep their order', [row('a'), row('b'), row('c')], 'a,b,c'],
    ['replies nest under their parent, oldest first', [row('a'), row('b'), row('r1', 'a'), row('r2', 'a')], 'a(r1,r2),b'],
    ['replies nest at any depth', [row('a'), row('b', 'a'), row('c', 'b'), row('d', 'c')], 'a(b(c(d)))'],
    ['a reply to a hidden comment is dropped', [row('a'), row('orphan', 'hidden')], 'a'],
    ['replies below a dropped reply are dropped too', [row('a'), row('orphan', 'hidden'), row('child', 'orphan')], 'a'],
    ['a parent listed after its reply is still found', [row('r', 'a'), row('a')], 'a(r)'],
    ['a comment that is its own parent is dropped', [row('a'), row('self', 'self')], 'a'],
    ['comments in a cycle are dropped', [row('a'), row('x', 'y'), row('y', 'x')], 'a'],
    ['an empty parentId counts as top level', [row('a', '')], 'a'],
    ['a repeated documentId is shown once', [row('a'), row('a'), row('b', 'a')], 'a(b)'],
  ])('%s', (_label, flat, expected) => {
    expect(shape(nestComments(flat))).toBe(expected);
  });

  test('keeps every field of the input and does not modify it', () => {
    const flat = [row('a'), row('b', 'a')];
    const snapshot = JSON.parse(JSON.stringify(flat)) as unknown;
    const [root] = nestComments(flat);
    expect(root).toEqual({ ...flat[0], replies: [{ ...flat[1], replies: [] }] });
    expect(flat).toEqual(snapshot);
  });
});
