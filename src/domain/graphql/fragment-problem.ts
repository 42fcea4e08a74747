import { Kind, visit, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/**
 * A spread of a fragment the document does not define, or fragments that spread each other in
 * a circle. GraphQL's own validation reports both, but the depth limit Strapi's GraphQL plugin
 * installs (graphql-depth-limit) walks fragments before that and crashes on them (unbounded
 * recursion, or a read of the missing fragment), which Apollo answers with a 500. Returns the
 * message for a 400, or null.
 */
export function fragmentProblem(document: DocumentNode): string | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const spreadsOf = (node: unknown): string[] => {
    const names: string[] = [];
    visit(node as DocumentNode, { FragmentSpread: (spread) => void names.push(spread.name.value) });
    return names;
  };
  const missing = spreadsOf(document).find((name) => !fragments.has(name));
  if (missing) return `Unknown fragment "${missing}".`;

  const state = new Map<string, 'visiting' | 'done'>();
  const cycleFrom = (name: string): string | null => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'visiting') return name;
    state.set(name, 'visiting');
    for (const next of spreadsOf(fragments.get(name))) {
      const cycle = cycleFrom(next);
      if (cycle) return cycle;
    }
    state.set(name, 'done');
    return null;
  };
  for (const name of fragments.keys()) {
    const cycle = cycleFrom(name);
    if (cycle) return `Cannot spread fragment "${cycle}" within itself.`;
  }
  return null;
}
