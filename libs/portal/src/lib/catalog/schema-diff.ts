// What changed between two versions of a record type, field by field, for the portal's catalog.
// Written here because the npm JSON Schema diff tools are unmaintained or answer only "breaking or
// not"; whether a change breaks readers is libs/schemas' checkBackwardCompatible, shown beside this.

type ChangeKind = 'aggiunto' | 'rimosso' | 'modificato';

export interface SchemaChange {
  /** The field, as a path into a document: `/contribuente/codiceFiscale`, `/rate/*` for array items. */
  field: string;
  kind: ChangeKind;
  /** One Italian sentence: what changed. */
  what: string;
}

type Node = Record<string, unknown>;

// The keywords whose value constrains a field; annotations (title, description, examples) are left out.
const CONSTRAINTS = [
  'type',
  'format',
  'enum',
  'const',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'additionalProperties',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  '$ref',
];

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown): string => (value === undefined ? '—' : JSON.stringify(value));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every field added, removed or constrained differently from `older` to `newer`, in document order. */
export function diffSchemas(older: object, newer: object): SchemaChange[] {
  const changes: SchemaChange[] = [];
  compare(older as Node, newer as Node, '', changes);
  const olderDefs = ((older as Node)['$defs'] ?? {}) as Node;
  const newerDefs = ((newer as Node)['$defs'] ?? {}) as Node;
  for (const name of union(Object.keys(olderDefs), Object.keys(newerDefs))) {
    const field = `#/$defs/${name}`;
    if (!(name in newerDefs)) changes.push({ field, kind: 'rimosso', what: 'Definizione rimossa.' });
    else if (!(name in olderDefs)) changes.push({ field, kind: 'aggiunto', what: 'Nuova definizione.' });
    else compare(olderDefs[name] as Node, newerDefs[name] as Node, field, changes);
  }
  return changes;
}

function compare(a: Node, b: Node, field: string, changes: SchemaChange[]): void {
  const at = field || '/';
  for (const keyword of CONSTRAINTS) {
    // Nested schemas in these keywords are compared field by field below, not as a whole.
    if (keyword === 'additionalProperties' && isNode(a[keyword]) && isNode(b[keyword])) continue;
    if (!same(a[keyword], b[keyword]))
      changes.push({
        field: at,
        kind: 'modificato',
        what: `\`${keyword}\`: da ${show(a[keyword])} a ${show(b[keyword])}.`,
      });
  }
  const aRequired = new Set((a['required'] as string[] | undefined) ?? []);
  const bRequired = new Set((b['required'] as string[] | undefined) ?? []);
  const aProps = (isNode(a['properties']) ? a['properties'] : {}) as Node;
  const bProps = (isNode(b['properties']) ? b['properties'] : {}) as Node;
  for (const name of union(Object.keys(aProps), Object.keys(bProps))) {
    const child = `${field}/${name}`;
    if (!(name in bProps)) changes.push({ field: child, kind: 'rimosso', what: 'Campo rimosso.' });
    else if (!(name in aProps))
      changes.push({
        field: child,
        kind: 'aggiunto',
        what: `Nuovo campo ${bRequired.has(name) ? 'obbligatorio' : 'facoltativo'}${describeType(bProps[name])}.`,
      });
    else {
      if (aRequired.has(name) !== bRequired.has(name))
        changes.push({
          field: child,
          kind: 'modificato',
          what: bRequired.has(name) ? 'Ora obbligatorio.' : 'Non più obbligatorio.',
        });
      compare(aProps[name] as Node, bProps[name] as Node, child, changes);
    }
  }
  if (isNode(a['items']) && isNode(b['items'])) compare(a['items'], b['items'], `${field}/*`, changes);
  else if (!same(a['items'], b['items']))
    changes.push({ field: at, kind: 'modificato', what: `\`items\`: da ${show(a['items'])} a ${show(b['items'])}.` });
  if (isNode(a['additionalProperties']) && isNode(b['additionalProperties']))
    compare(a['additionalProperties'], b['additionalProperties'], `${field}/*`, changes);
}

function describeType(schema: unknown): string {
  if (!isNode(schema)) return '';
  const type = schema['type'];
  const format = schema['format'];
  return type ? ` (${String(type)}${format ? `, ${String(format)}` : ''})` : '';
}

function union(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((name) => !a.includes(name))];
}
