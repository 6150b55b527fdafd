/** A double-quoted SQL identifier (schema names come from configuration, never from requests). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
