/** The operations of RFC 6902 the overlays use. */
export interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/** A patched copy of `document`; a path that leads nowhere is an error, as in kustomize. */
export function applyJsonPatch(document: unknown, operations: JsonPatchOperation[]): unknown {
  const copy = structuredClone(document);
  for (const { op, path, value } of operations) {
    const keys = path
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop();
    if (last === undefined) throw new Error(`JSON patch: ${op} of the whole document`);
    let parent = copy as Record<string, unknown>;
    for (const key of keys) {
      const next = parent[key];
      if (next === null || typeof next !== 'object') throw new Error(`JSON patch: ${path} leads nowhere`);
      parent = next as Record<string, unknown>;
    }
    if (op !== 'add' && !(last in parent)) throw new Error(`JSON patch: ${op} of ${path}, which is absent`);
    if (op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (Array.isArray(parent) && op === 'add')
      parent.splice(last === '-' ? parent.length : Number(last), 0, value);
    else parent[last] = value;
  }
  return copy;
}
