import type { EntityManager } from '@mikro-orm/postgresql';
import { appendOutbox } from '@interscambio/messaging';
import type { OutboxEvent } from '@interscambio/messaging';
import type { SqlExecutor } from '@interscambio/persistence';
// kysely is MikroORM's own query runner; package.json pins the version MikroORM depends on.
import { CompiledQuery } from 'kysely';

/**
 * Appends `events` to the outbox inside `em`'s open transaction, so they commit or roll back with
 * the entity changes. appendOutbox speaks pg's `$1` parameters, which MikroORM's own `execute`
 * (it formats `?`) does not: the transaction's Kysely instance passes them to pg as bind parameters.
 */
export async function appendOutboxInTransaction(
  em: EntityManager,
  schema: string,
  events: OutboxEvent[],
): Promise<void> {
  if (!em.isInTransaction()) throw new Error('appendOutboxInTransaction needs an open transaction (em.transactional)');
  await appendOutbox(transactionExecutor(em), schema, events);
}

function transactionExecutor(em: EntityManager): SqlExecutor {
  const kysely = em.getKysely();
  return {
    // Kysely has no named statements: a prepared one runs as plain text here.
    query: async (statement, values = []) => {
      const text = typeof statement === 'string' ? statement : statement.text;
      const result = await kysely.executeQuery(CompiledQuery.raw(text, values));
      return {
        rows: result.rows as unknown[],
        rowCount: result.numAffectedRows === undefined ? result.rows.length : Number(result.numAffectedRows),
      };
    },
  };
}
