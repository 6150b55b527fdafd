/**
 * What the hot-path SQL needs from a connection: a pg `PoolClient` (inside a transaction) or a `Pool`
 * fits, and so does the adapter the registry builds over MikroORM's transaction.
 */
export interface SqlExecutor {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors pg's QueryResult so a PoolClient fits and callers keep pg's row typing
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}
