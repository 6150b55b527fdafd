import { codiceFiscaleCheck } from '@interscambio/enti';
import { eventually } from '@interscambio/testing';
import { scenarioOnDevstack } from './lib/scenario-fixture';

const ROWS = 8_000;
const ENTE = '082053';
const TYPE = 'posizione-debitoria';

/** Row n of the file: every 100th has a codice fiscale whose check character is wrong. */
function line(n: number): string {
  const first15 = `RSSMRA80${'ABCDEHLMPRST'[n % 12]}${String((n % 28) + 1).padStart(2, '0')}G273`;
  const check = codiceFiscaleCheck(first15);
  const cf = first15 + (n % 100 === 0 ? (check === 'A' ? 'B' : 'A') : check);
  return `P-${n};${cf};Contribuente ${n};TARI;2024;${1000 + n};16/12/2024;emessa`;
}

// The tributi service as `npm start` runs it, killed (SIGKILL: no shutdown hook, a batch possibly
// in flight) while it publishes an upload, then started again: it must go on from its checkpoint.
describe('an upload whose service is killed (SIGKILL) half-way, then restarted', () => {
  const scenario = scenarioOnDevstack('upload-crash', 'upload_crash');

  const count = async (sql: string, ...values: unknown[]): Promise<number> => {
    const { s, db } = scenario();
    return Number((await s.outbox.sql.query(sql.replace(/\bfrom (\w+)/g, `from "${db.schema}".$1`), values)).rows[0].n);
  };

  it('publishes every valid row exactly once, reports every bad row once, and finishes', async () => {
    const { s } = scenario();
    await s.startService();
    const header = 'Chiave;Contribuente.Codice fiscale;Contribuente.Denominazione;Tributo;Anno;Importo;Scadenza;Stato';
    const body = [header, ...Array.from({ length: ROWS }, (_, i) => line(i + 1))].join('\r\n');
    const res = await fetch(`${s.service.origin}/tributi/v1/records/${TYPE}/uploads`, {
      method: 'POST',
      headers: { ...s.clients.as(ENTE), 'content-type': 'text/csv' },
      body,
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };

    // Killed once a first batch is committed, before the last one is.
    const checkpoint = (): Promise<number> => count('select checkpoint as n from upload where id = $1', id);
    await eventually(async () => (await checkpoint()) > 1, {
      timeoutMs: 120_000,
      what: 'a first batch',
      intervalMs: 20,
    });
    await s.service.kill();
    const atKill = await checkpoint();
    expect(atKill).toBeLessThan(ROWS + 1);
    // Nothing half-stored: the records written are exactly those of the committed batches.
    const published = await count('select published as n from upload where id = $1', id);
    expect(await count('select count(*)::int as n from record')).toBe(published);

    await s.startService();
    await eventually(
      async () => (await count(`select count(*)::int as n from upload where status = 'completato'`)) === 1,
      {
        timeoutMs: 240_000,
        what: 'the upload to complete after the restart',
      },
    );
    const bad = ROWS / 100;
    expect(await count('select published + rejected as n from upload where id = $1', id)).toBe(ROWS);
    expect(await count('select rejected as n from upload where id = $1', id)).toBe(bad);
    expect(await count('select count(*)::int as n from upload_error')).toBe(bad);
    // Each valid row once: one record, one revision, one change, one event.
    expect(await count('select count(*)::int as n from record')).toBe(ROWS - bad);
    expect(await count('select max(revision)::int as n from record')).toBe(1);
    expect(await count('select count(*)::int as n from record_change')).toBe(ROWS - bad);
    expect(await count('select count(*)::int as n from outbox where topic like $1', `%.${TYPE}`)).toBe(ROWS - bad);
  }, 600_000);
});
