import { parseAgreementState } from '@interscambio/access';
import type { CloudEvent } from '@interscambio/messaging';
import type { NotifierDatabase } from '../storage/notifier.database';

/**
 * Keeps the notifier's `agreement` table in step with the registry's topic, for every theme: the
 * latest version of each agreement. A redelivered or older version changes nothing.
 */
export async function projectAgreement(event: CloudEvent, db: NotifierDatabase): Promise<void> {
  if (event.data === null) {
    await db.pool.query('delete from agreement where id = $1', [event.key]);
    return;
  }
  const a = parseAgreementState(event.data);
  await db.pool.query(
    `insert into agreement as a (id, consumer, scope, publisher, theme, type, purpose, fields, status, version, changed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11)
     on conflict (id) do update set consumer = excluded.consumer, scope = excluded.scope,
       publisher = excluded.publisher, theme = excluded.theme, type = excluded.type, purpose = excluded.purpose,
       fields = excluded.fields, status = excluded.status, version = excluded.version, changed_at = excluded.changed_at
     where a.version < excluded.version`,
    [
      a.id,
      a.consumer,
      a.scope,
      a.publisher,
      a.theme,
      a.type,
      a.purpose,
      a.fields ? JSON.stringify(a.fields) : null,
      a.status,
      a.version,
      a.changedAt,
    ],
  );
}
