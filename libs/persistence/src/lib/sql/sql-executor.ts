import { createHash } from 'node:crypto';

/**
 * A statement PostgreSQL prepares once per connection, under a name derived from its text: the hot
 * path's statements are parsed and planned once, not at every request (planning the record upsert
 * took about as long as running it).
 */
export interface PreparedStatement {
  name: string;
  text: string;
}

const names = new Map<string, string>();

/**
 * The prepared form of `text`, to pass to one query. Only for statements whose text depends on
 * configuration alone (the schema), never on a request: each distinct text stays prepared on every
 * connection that ran it. A new object at every call: node-postgres writes the query's values and
 * callback into the object it is given, so one shared between queries would mix them up.
 */
export function prepared(text: string): PreparedStatement {
  let name = names.get(text);
  if (!name) {
    name = `ix_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text };
}

/**
 * What the hot-path SQL needs from a connection: a pg `PoolClient` (inside a transaction) or a `Pool`
 * fits, and so does the adapter the registry builds over MikroORM's transaction.
 */
export interface SqlExecutor {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors pg's QueryResult so a PoolClient fits and callers keep pg's row typing
  query(statement: string | PreparedStatement, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}
