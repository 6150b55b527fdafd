import { parseRevocationState } from '@interscambio/access';
import type { CloudEvent } from '@interscambio/messaging';
import type { NotifierDatabase } from '../storage/notifier.database';

/**
 * Keeps the notifier's `revocation` table in step with the registry's topic, as the theme services
 * keep theirs: the latest version of each revocation. An older version changes nothing.
 */
export async function projectRevocation(event: CloudEvent, db: NotifierDatabase): Promise<void> {
  if (event.data === null) {
    await db.pool.query(`delete from revocation where kind || ':' || subject = $1`, [event.key]);
    return;
  }
  const r = parseRevocationState(event.data);
  await db.pool.query(
    `insert into revocation as r (kind, subject, client_id, revoked, since, version) values ($1, $2, $3, $4, $5, $6)
     on conflict (kind, subject) do update set client_id = excluded.client_id, revoked = excluded.revoked,
       since = excluded.since, version = excluded.version
     where r.version < excluded.version`,
    [r.kind, r.subject, r.clientId, r.revoked, r.since, r.version],
  );
}
