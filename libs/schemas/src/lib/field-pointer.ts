type Node = Record<string, unknown>;

/**
 * Whether `pointer` (RFC 6901) names a property the record schema declares: each segment a key of
 * `properties` (through local `$ref`s and `allOf`/`anyOf`/`oneOf` branches). An array is named as a
 * whole, never an index of it. What an agreement may show of a record is said this way.
 */
export function declaresField(schema: object, pointer: string): boolean {
  if (!/^(\/([^~/]|~[01])*)+$/.test(pointer)) return false;
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let nodes: Node[] = [schema as Node];
  for (const segment of segments) {
    nodes = nodes
      .flatMap((node) => branches(schema as Node, node))
      .flatMap((node) => {
        const child = (node['properties'] as Node | undefined)?.[segment];
        return child && typeof child === 'object' ? [child as Node] : [];
      });
    if (nodes.length === 0) return false;
  }
  return true;
}

/** A schema node with its `$ref` followed and its combinators opened, one level at a time. */
function branches(root: Node, node: Node, depth = 0): Node[] {
  if (depth > 20) return [];
  const ref = node['$ref'];
  const target = typeof ref === 'string' && ref.startsWith('#/') ? resolve(root, ref.slice(2)) : undefined;
  const combined = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(node[k]) ? (node[k] as Node[]) : []));
  return [node, ...(target ? [target] : []), ...combined].flatMap((n, i) =>
    i === 0 ? [n] : branches(root, n, depth + 1),
  );
}

function resolve(root: Node, path: string): Node | undefined {
  let node: unknown = root;
  for (const segment of path.split('/')) node = (node as Node | undefined)?.[segment];
  return node && typeof node === 'object' ? (node as Node) : undefined;
}
