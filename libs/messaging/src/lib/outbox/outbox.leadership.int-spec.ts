import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { forSuite } from '@interscambio/testing';
import { outboxDatabase } from '../../../test/outbox-fixture';
import { OutboxLeadership } from './outbox.leadership';
import { relayLockName } from './outbox.names';

describe('OutboxLeadership when its process dies mid-statement', () => {
  const outbox = forSuite(() => outboxDatabase());
  const log: string[] = [];

  const alive = async (pid: number): Promise<boolean> =>
    (await outbox.pool.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 1;

  it('lets its session, and the leadership with it, go within seconds although a statement of its waits on a lock', async () => {
    const leadership = new OutboxLeadership(outbox.db.url, outbox.db.schema, (line) => log.push(line));
    const leader = await leadership.acquire();
    if (!leader) throw new Error('the first relay of a schema did not lead');
    const pid = (await leader.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number;

    // Another session holds a lock the leader's next statement waits on, for the whole test.
    const holder = await outbox.pool.connect();
    try {
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock(4242)');
      leader.on('error', () => undefined);
      void leader.query('select pg_advisory_xact_lock(4242)').catch(() => undefined);
      await sleep(200);

      // What a kill -9 leaves: the socket closed by the kernel, nothing said to PostgreSQL.
      (leader as unknown as { connection: { stream: Socket } }).connection.stream.destroy();
      const started = Date.now();
      // The lock is never freed meanwhile: only PostgreSQL noticing the dead client ends the session.
      while ((await alive(pid)) && Date.now() - started < 10_000) await sleep(100);
      const gone = Date.now() - started;

      expect(await alive(pid)).toBe(false);
      const next = await holder.query<{ locked: boolean }>(
        'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
        [relayLockName(outbox.db.schema)],
      );
      expect(next.rows[0]?.locked).toBe(true);
      process.stderr.write(`the dead relay's session ended ${gone} ms after its socket closed\n`);
    } finally {
      await holder.query('rollback');
      holder.release(true);
      await leadership.drop();
    }
  });
});
