import { setTimeout as sleep } from 'node:timers/promises';
import { forSuite } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';

describe('the service when its PostgreSQL connections die under load', () => {
  const t = forSuite(() => startProvaTestApp('db_outage'));

  /** Ends every session the service holds (its pool, its relay, its listener), as a crash of PostgreSQL does. */
  const killSessions = (): Promise<unknown> =>
    t.sql.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where pid <> pg_backend_pid() and (application_name like $1 or query like $2)`,
      [`%${t.db.schema}%`, `%${t.db.schema}%`],
    );

  it('answers 201 or 503 problem+json meanwhile, keeps every acknowledged record, and writes again after', async () => {
    const answers: { key: string; status: number; type: string | undefined }[] = [];
    // Half with an Idempotency-Key: those run in a transaction of several statements.
    const put = async (key: string, n = 0): Promise<void> => {
      const res = await t.call('082053', {
        method: 'PUT',
        url: `/prova/v1/records/avviso/082053/${key}`,
        payload: { anno: 2024 },
        headers: n % 2 ? { 'idempotency-key': `idem-${key}` } : {},
      });
      answers.push({ key, status: res.statusCode, type: res.headers['content-type'] as string | undefined });
    };
    let n = 0;
    const load = Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 25; i++) await put(`k-${n}`, n++);
      }),
    );
    for (let i = 0; i < 3; i++) {
      await sleep(40);
      await killSessions();
    }
    await load;

    expect(answers).toHaveLength(400);
    // Some writes were in flight when their sessions ended: the outage did hit the load.
    expect(answers.some((a) => a.status === 503)).toBe(true);
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].every((s) => s === 201 || s === 503)).toBe(true);
    for (const refused of answers.filter((a) => a.status === 503)) expect(refused.type).toMatch(/problem\+json/);
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.key);
    const { rows } = await t.sql.query<{ key: string }>('select key from record where key = any($1)', [acknowledged]);
    expect(rows.map((r) => r.key).sort()).toEqual([...acknowledged].sort());

    // The service recovers by itself: new writes succeed and every event leaves the outbox.
    await put('dopo');
    expect(answers.at(-1)?.status).toBe(201);
    for (let i = 0; (await t.sql.query('select 1 from outbox where sent_at is null limit 1')).rowCount !== 0; i++) {
      if (i > 300) throw new Error('the outbox did not drain in 30 s');
      await sleep(100);
    }
  });
});
