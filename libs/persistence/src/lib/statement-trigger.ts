/**
 * `create trigger` for a trigger that runs `fn` once per statement, not per row, on `table`:
 * `events` is when (`after insert or update`, `before delete or truncate`).
 */
export function statementTrigger(name: string, events: string, table: string, fn: string): string {
  return `create trigger "${name}" ${events} on "${table}"
      for each statement execute function "${fn}"()`;
}
