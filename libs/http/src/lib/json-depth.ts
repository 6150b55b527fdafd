/**
 * Whether a parsed JSON value nests arrays and objects more than `max` levels deep. Iterative:
 * the point is to refuse, before any recursive code (hashing, validation, serialisation) runs out of
 * stack on it, a document JSON.parse itself accepted.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
