import { isSchemaObject, sameJson } from './json-values';
import type { CompatRule } from './comparison';

const ANNOTATIONS = new Set([
  ...['$schema', '$id', '$anchor', '$dynamicAnchor', '$vocabulary', '$comment', '$defs', 'definitions'],
  ...['title', 'description', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly'],
  ...['contentEncoding', 'contentMediaType', 'contentSchema'],
]);

// unevaluated* depend on what every sibling and referenced subschema evaluated: only an untouched
// node with nothing referenced is safe.
const WHOLE_NODE = ['unevaluatedProperties', 'unevaluatedItems', '$dynamicRef'];

/** Every keyword no other rule understands (and every `x-` annotation is ignored) must stay exactly as it was. */
export function opaqueRule(understood: readonly string[]): CompatRule {
  const skip = new Set([...understood, ...ANNOTATIONS, '$ref']);
  return {
    keywords: [],
    check(_c, o, n, at) {
      const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])].filter(
        (k) => !skip.has(k) && !k.startsWith('x-'),
      );
      if (keys.some((k) => WHOLE_NODE.includes(k)) && !(sameJson(o, n) && !mentionsRef(n))) {
        return [
          `${at || '/'}: uses ${WHOLE_NODE.filter((k) => k in o || k in n).join(', ')}, which is checked only when the subschema is unchanged and has no $ref`,
        ];
      }
      return keys.filter((k) => !sameJson(o[k], n[k])).map((k) => `${at}/${k}: changed (not provably compatible)`);
    },
  };
}

function mentionsRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsRef);
  return (
    isSchemaObject(value) &&
    Object.entries(value).some(([k, v]) => k === '$ref' || k === '$dynamicRef' || mentionsRef(v))
  );
}
