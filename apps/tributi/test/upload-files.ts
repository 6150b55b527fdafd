import { codiceFiscaleCheck } from '@interscambio/enti';
import type { RowError } from '@interscambio/exchange';
import type { TributiTestApp } from './tributi-test-app';

export const HEADER = [
  'Chiave',
  'Contribuente.Codice fiscale',
  'Contribuente.Denominazione',
  'Tributo',
  'Anno',
  'Importo',
  'Scadenza',
  'Stato',
];

/** A valid person's codice fiscale, different for each `n` (day and month of birth vary). */
export function cf(n: number): string {
  const first15 = `RSSMRA80${'ABCDEHLMPRST'[n % 12]}${String((n % 28) + 1).padStart(2, '0')}G273`;
  return first15 + codiceFiscaleCheck(first15);
}

/** The same codice fiscale with a wrong check character. */
export function badCf(n: number): string {
  const good = cf(n);
  return good.slice(0, 15) + (good.endsWith('A') ? 'B' : 'A');
}

export function validRow(key: string, n: number): string[] {
  return [key, cf(n), `Contribuente ${n}`, 'TARI', '2024', String(1000 + n), '16/12/2024', 'emessa'];
}

export function csv(rows: string[][], delimiter = ','): string {
  return rows
    .map((r) => r.map((c) => (/[;,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter))
    .join('\r\n');
}

export interface UploadView {
  id: string;
  status: string;
  rows: { total: number; read: number; published: number; rejected: number };
  progress: number;
}

/** Posts a file as ente `ente` and returns the answer. */
export function postFile(t: TributiTestApp, ente: string, body: Buffer | string, contentType = 'text/csv') {
  return t.call(ente, {
    method: 'POST',
    url: '/tributi/v1/records/posizione-debitoria/uploads',
    headers: { 'content-type': contentType },
    payload: body,
  });
}

/** Waits until the upload is completed and returns its final state and report. */
export async function completed(
  t: TributiTestApp,
  ente: string,
  id: string,
): Promise<{ view: UploadView; errors: RowError[] }> {
  const url = `/tributi/v1/records/posizione-debitoria/uploads/${id}`;
  for (let i = 0; i < 600; i++) {
    const view = (await t.call(ente, { method: 'GET', url })).json<UploadView>();
    if (view.status === 'completato') {
      const report = await t.call(ente, { method: 'GET', url: `${url}/report.json` });
      return { view, errors: report.json<{ errors: RowError[] }>().errors };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`upload ${id} not completed within 120 s`);
}
