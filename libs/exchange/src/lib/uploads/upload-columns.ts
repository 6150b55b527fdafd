/** How a cell's text becomes a JSON value (upload-values.ts). */
export type ColumnKind = 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'json';

/** One column of a type's spreadsheet: a leaf field of its schema, addressed by a dotted path. */
export interface UploadColumn {
  /** `contribuente.codiceFiscale`; `ente` and `key` are the record's address. */
  path: string;
  /** The Italian header: the schema's titles (or the field names spelled out) joined by dots. */
  header: string;
  kind: ColumnKind;
  /** For a `list`: the kind of each item. */
  item?: ColumnKind;
  required: boolean;
  /** The schema node of the field, for the report's "how to fix". */
  schema: SchemaNode;
}

export interface SchemaNode {
  [keyword: string]: unknown;
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  $ref?: string;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

/** Items of a list column are separated by this character in a cell: `via Roma | via Libertà`. */
export const LIST_SEPARATOR = '|';

const ENTE_COLUMN: UploadColumn = {
  path: 'ente',
  header: 'Ente',
  kind: 'string',
  required: false,
  schema: { type: 'string', description: 'Codice ISTAT dell’ente (6 cifre); vuoto: l’ente di chi carica il file.' },
};

export const KEY_COLUMN: UploadColumn = {
  path: 'key',
  header: 'Chiave',
  kind: 'string',
  required: true,
  schema: {
    type: 'string',
    description: 'Identificativo del record nel gestionale dell’ente (lettere, cifre, . _ ~ -).',
  },
};

const ACRONYMS = new Set(['cap', 'cig', 'cup', 'eqf', 'imu', 'istat', 'iuv', 'iva', 'lis', 'pec', 'url']);

/** `codiceFiscale` → `Codice fiscale`, `partitaIva` → `Partita IVA`: the header when a field has no title. */
export function spelledOut(name: string): string {
  const words = name.split(/(?=[A-Z])/).map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The columns of a record type: the address, then every leaf of the schema in its order. Objects
 * become dotted columns; the branches of a oneOf/anyOf are merged (the schema still decides which
 * combination is valid); arrays of plain values are one column (LIST_SEPARATOR), anything more
 * complex one column of JSON text.
 */
export function columnsOf(schema: SchemaNode): UploadColumn[] {
  const resolve = (node: SchemaNode | undefined): SchemaNode => {
    if (node?.$ref?.startsWith('#/$defs/'))
      return resolve((schema['$defs'] as Record<string, SchemaNode>)[node.$ref.slice(8)]);
    return node ?? {};
  };
  const columns = new Map<string, UploadColumn>();
  const walk = (raw: SchemaNode, path: string[], headers: string[], required: boolean): void => {
    const node = resolve(raw);
    const branches = [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])].map(resolve);
    const properties = [node, ...branches].filter((b) => b.properties);
    if (properties.length > 0 && path.length < 6) {
      for (const branch of properties)
        for (const [name, child] of Object.entries(branch.properties ?? {})) {
          const title = typeof resolve(child).title === 'string' ? (resolve(child).title as string) : spelledOut(name);
          const needed = required && (branch.required ?? []).includes(name) && branches.length === 0;
          walk(child, [...path, name], [...headers, title], needed);
        }
      return;
    }
    const key = path.join('.');
    if (!columns.has(key))
      columns.set(key, { path: key, header: headers.join('.'), required, schema: node, ...kindOf(node, resolve) });
  };
  walk(schema, [], [], true);
  return [ENTE_COLUMN, KEY_COLUMN, ...columns.values()];
}

function kindOf(
  node: SchemaNode,
  resolve: (n: SchemaNode | undefined) => SchemaNode,
): { kind: ColumnKind; item?: ColumnKind } {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'array') {
    const item = scalarKind(resolve(node.items));
    return item ? { kind: 'list', item } : { kind: 'json' };
  }
  return { kind: scalarKind(node) ?? (node.enum ? 'string' : 'json') };
}

function scalarKind(node: SchemaNode): ColumnKind | undefined {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') return type;
  if (type === undefined && node.enum?.every((v) => typeof v === 'string')) return 'string';
  return undefined;
}
