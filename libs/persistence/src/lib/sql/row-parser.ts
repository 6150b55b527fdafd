// WHY our own and not zod or valibot: rows are flat and their columns take half a dozen pg types, so
// a parser is a map of small checks, and the write path parses every row it touches. A schema
// library would be a dependency (and a lock change) for what these 60 lines do with exact types.

/** Checks one column's value as node-postgres returns it, and gives it its type. */
export type Column<T> = (value: unknown) => T;

/** A row that is not what the statement promised: schema drift, or a query changed without its parser. */
export class RowShapeError extends Error {
  readonly code = 'row-shape';

  constructor(row: string, column: string, reason: string) {
    super(`${row} row: column ${column} ${reason}`);
    this.name = 'RowShapeError';
  }
}

class ColumnError extends Error {}

const check =
  <T>(what: string, ok: (v: unknown) => v is T): Column<T> =>
  (value) => {
    if (ok(value)) return value;
    throw new ColumnError(`is ${describe(value)}, not ${what}`);
  };

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (value instanceof Date) return 'a Date';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

export const text = check('text', (v): v is string => typeof v === 'string');
export const int = check('an integer', (v): v is number => Number.isSafeInteger(v));
export const bool = check('a boolean', (v): v is boolean => typeof v === 'boolean');
export const timestamp = check('a timestamp', (v): v is Date => v instanceof Date && !Number.isNaN(v.getTime()));
export const bytes = check('bytes', (v): v is Buffer => Buffer.isBuffer(v));
export const textArray = check(
  'a text array',
  (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string'),
);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A jsonb object; what its members hold is the caller's to check. */
export const jsonObject = check('a JSON object', isObject);
/** A jsonb object of texts (a set of headers, for instance). */
export const textRecord = check(
  'a JSON object of texts',
  (v): v is Record<string, string> => isObject(v) && Object.values(v).every((s) => typeof s === 'string'),
);
/** jsonb as node-postgres parses it; what it holds is the caller's to check. */
export const json: Column<unknown> = (value) => value;

export const oneOf = <const V extends string>(values: readonly V[]): Column<V> =>
  check(
    `one of ${values.join(', ')}`,
    (v): v is V => typeof v === 'string' && (values as readonly string[]).includes(v),
  );

export const nullable =
  <T>(column: Column<T>): Column<T | null> =>
  (value) =>
    value === null ? null : column(value);

export type RowOf<S extends Record<string, Column<unknown>>> = { [K in keyof S]: ReturnType<S[K]> };

/** A parser of the rows of one statement: `name` says which in the error (`audit_head row: column …`). */
export function rowParser<S extends Record<string, Column<unknown>>>(
  name: string,
  shape: S,
): (row: unknown) => RowOf<S> {
  const columns = Object.entries(shape);
  return (row) => {
    if (typeof row !== 'object' || row === null)
      throw new RowShapeError(name, '*', `missing: the row is ${describe(row)}`);
    const out: Record<string, unknown> = {};
    for (const [column, parse] of columns) {
      try {
        out[column] = parse((row as Record<string, unknown>)[column]);
      } catch (error) {
        if (error instanceof ColumnError) throw new RowShapeError(name, column, error.message);
        throw error;
      }
    }
    return out as RowOf<S>;
  };
}
