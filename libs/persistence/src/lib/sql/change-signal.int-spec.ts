import { setTimeout as sleep } from 'node:timers/promises';

import { eventually, testDatabase } from '@interscambio/testing';

import type { TestDatabase } from '@interscambio/testing';
import { Client, Pool } from 'pg';

import { ChangeSignal } from './change-signal';

import { changeChannel } from './identifier';

describe('ChangeSignal between two processes of one service', () => {
  let db: TestDatabase;
  let pool: Pool;
  let watcher: Client;
  const notifications: string[] = [];
  const signals: ChangeSignal[] = [];
  const signal = (coalesceMs?: number): ChangeSignal => {
    const s = new ChangeSignal({ url: db.url, pool, schema: db.schema, coalesceMs, log: () => undefined });
    signals.push(s);
    return s;
  };

  beforeAll(async () => {
    db = await testDatabase('change_signal');
    pool = new Pool({ connectionString: db.url, max: 2 });
    watcher = new Client({ connectionString: db.url });
    await watcher.connect();
    watcher.on('notification', (n) => notifications.push(n.payload ?? ''));
    await watcher.query(`listen "${changeChannel(db.schema)}"`);
  });

  afterAll(async () => {
    await Promise.all(signals.map((s) => s.close()));
    await watcher.end();
    await pool.end();
    await db.drop();
  });

  it("wakes this process's followers at once and the other process's through one coalesced NOTIFY", async () => {
    const [here, there] = [signal(20), signal()];
    let wokenHere = 0;
    let wokenThere = 0;
    here.follow(() => wokenHere++);
    there.follow(() => wokenThere++);
    await Promise.all([here.ready(), there.ready()]);
    const [hereBefore, thereBefore] = [wokenHere, wokenThere];
    notifications.length = 0;

    for (let i = 0; i < 100; i++) here.committed();
    expect(wokenHere - hereBefore).toBe(100);
    await eventually(() => wokenThere > thereBefore);
    await sleep(100);
    // A hundred commits inside the coalescing window: one NOTIFY, and its sender ignores it.
    expect(notifications).toHaveLength(1);
    expect(wokenThere - thereBefore).toBe(1);
    expect(wokenHere - hereBefore).toBe(100);
  });

  it('wakes followers again after the listening connection was killed, and keeps delivering', async () => {
    const [writer, reader] = [signal(), signal()];
    let woken = 0;
    reader.follow(() => woken++);
    await reader.ready();
    const { rows } = await pool.query<{ pid: number }>(
      `select pid from pg_stat_activity where application_name = 'interscambio-change-listener' and query like 'listen%'`,
    );
    const before = woken;
    await pool.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [rows.map((r) => r.pid)]);
    // Losing the connection wakes followers (changes may have gone unannounced), as does reconnecting.
    await eventually(() => woken >= before + 2 && reader.connected);
    const reconnected = woken;
    writer.committed();
    await eventually(() => woken > reconnected);
  });
});
