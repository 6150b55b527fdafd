import ExcelJS from 'exceljs';
import { forSuite } from '@interscambio/testing';
import { startTributi } from '../test/tributi-test-app';
import type { TributiTestApp } from '../test/tributi-test-app';
import { badCf, cf, completed, csv, HEADER, postFile, validRow } from '../test/upload-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const record = (t: TributiTestApp, ente: string, key: string) =>
  t.call(ente, { method: 'GET', url: `/tributi/v1/records/posizione-debitoria/${ente}/${key}` });

describe('spreadsheet uploads of posizioni debitorie', () => {
  const t = forSuite(() => startTributi('tributi_upload'));

  it('publishes the valid rows of a CSV and reports each bad one in Italian, by row and column', async () => {
    const rows = [
      HEADER,
      validRow('U-1', 1),
      [...validRow('U-2', 2).slice(0, 1), badCf(2), ...validRow('U-2', 2).slice(2)],
      [...validRow('U-3', 3).slice(0, 4), 'duemila', ...validRow('U-3', 3).slice(5)],
      [...validRow('U-4', 4).slice(0, 3), 'IRPEF', ...validRow('U-4', 4).slice(4)],
      validRow('U-1', 5),
      ['', ...validRow('', 6).slice(1)],
    ];
    const res = await postFile(t, '082053', csv(rows));
    expect(res.statusCode).toBe(202);
    expect(res.headers.location).toBe(
      `/tributi/v1/records/posizione-debitoria/uploads/${res.json<{ id: string }>().id}`,
    );
    const { view, errors } = await completed(t, '082053', res.json<{ id: string }>().id);
    expect(view.rows).toEqual({ total: 6, read: 6, published: 1, rejected: 5 });
    expect(view.progress).toBe(1);
    expect(errors.map((e) => e.message)).toEqual([
      'Riga 3, colonna Contribuente.Codice fiscale: il carattere di controllo non è corretto',
      'Riga 4, colonna Anno: non è un numero intero',
      'Riga 5, colonna Tributo: il valore non è tra quelli ammessi',
      'Riga 6, colonna Chiave: il record compare già alla riga 2',
      'Riga 7, colonna Chiave: manca la chiave del record',
    ]);
    expect(errors[2]).toMatchObject({ value: 'IRPEF', fix: expect.stringContaining('IMU, TARI') });
    const stored = await record(t, '082053', 'U-1');
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toMatchObject({ contribuente: { codiceFiscale: cf(1) }, anno: 2024, scadenza: '2024-12-16' });
    expect((await record(t, '082053', 'U-2')).statusCode).toBe(404);
  });

  it('reads a Windows-1252 CSV separated by semicolons, accents included', async () => {
    const rows = [HEADER, ['W-1', cf(7), 'Niccolò Lanza', 'IMU', '2023', '1.250', '2024-06-17', 'emessa']];
    const file = Buffer.from(csv(rows, ';'), 'latin1');
    const res = await postFile(t, '082053', file);
    expect(res.statusCode).toBe(202);
    const { view } = await completed(t, '082053', res.json<{ id: string }>().id);
    expect(view.rows.published).toBe(1);
    expect((await record(t, '082053', 'W-1')).json()).toMatchObject({
      contribuente: { denominazione: 'Niccolò Lanza' },
      importo: 1250,
    });
  });

  it('reads an XLSX, dates and numbers as Excel stores them, and reports its bad rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Dati');
    sheet.addRow(HEADER);
    sheet.addRow(['X-1', cf(9), 'Rossi Maria', 'TASI', 2022, 4200, new Date('2022-12-16T00:00:00Z'), 'pagata']);
    sheet.addRow(['X-2', badCf(9), 'Rossi Maria', 'TASI', 2022, 4200, new Date('2022-12-16T00:00:00Z'), 'pagata']);
    const res = await postFile(t, '082053', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(res.statusCode).toBe(202);
    const { view, errors } = await completed(t, '082053', res.json<{ id: string }>().id);
    expect(view.rows).toMatchObject({ total: 2, published: 1, rejected: 1 });
    expect(errors.map((e) => e.message)).toEqual([
      'Riga 3, colonna Contribuente.Codice fiscale: il carattere di controllo non è corretto',
    ]);
    expect((await record(t, '082053', 'X-1')).json()).toMatchObject({
      anno: 2022,
      importo: 4200,
      scadenza: '2022-12-16',
    });

    const report = await t.call('082053', {
      method: 'GET',
      url: `/tributi/v1/records/posizione-debitoria/uploads/${res.json<{ id: string }>().id}/report.xlsx`,
    });
    expect(report.headers['content-type']).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const errorsSheet = book.getWorksheet('Errori');
    expect(errorsSheet?.getRow(2).values).toEqual([
      undefined,
      3,
      'Contribuente.Codice fiscale',
      badCf(9),
      'il carattere di controllo non è corretto',
      expect.any(String),
    ]);
    const rejected = book.getWorksheet('Righe scartate');
    const cell = rejected?.getRow(2).getCell(3);
    expect(cell?.value).toBe(badCf(9));
    expect(cell?.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
  });

  it('refuses a row of another ente (ownership) as a PUT would, and fills in the uploader’s own ente', async () => {
    const rows = [
      ['Ente', ...HEADER],
      ['082006', ...validRow('E-1', 1)],
      ['', ...validRow('E-2', 2)],
    ];
    const res = await postFile(t, '082053', csv(rows));
    const { errors } = await completed(t, '082053', res.json<{ id: string }>().id);
    expect(errors.map((e) => e.message)).toEqual(['Riga 2, colonna Ente: è un ente diverso dal vostro']);
    expect((await record(t, '082053', 'E-2')).statusCode).toBe(200);
  });

  it.each([
    ['an empty file', '', 'text/csv', 422, 'upload-empty'],
    ['a header without rows', csv([HEADER]), 'text/csv', 422, 'upload-empty'],
    [
      'an old binary .xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'application/vnd.ms-excel',
      415,
      'upload-unsupported-format',
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n\u0000\u0001binary'), 'text/csv', 415, 'upload-unsupported-format'],
    [
      'a broken XLSX',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
      XLSX,
      422,
      'upload-malformed',
    ],
    ['a CSV with an unclosed quote', `${csv([HEADER])}\r\nK-1,"RSS`, 'text/csv', 422, 'upload-malformed'],
  ])('refuses %s with problem+json and stores nothing', async (_, body, type, status, code) => {
    const res = await postFile(t, '082053', body, type);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code });
    expect((await t.sql.query(`select count(*)::int as n from upload where status = 'in-coda'`)).rows[0].n).toBe(0);
  });

  it('names each unknown column, in Italian unless English is asked for', async () => {
    const body = csv([
      [...HEADER, 'Colore preferito'],
      [...validRow('C-1', 1), 'blu'],
    ]);
    const it = await postFile(t, '082053', body);
    expect(it.statusCode).toBe(422);
    expect(it.json()).toMatchObject({
      code: 'upload-unknown-columns',
      errors: [
        { pointer: '/columns/9', message: 'la colonna «Colore preferito» non appartiene a questo tipo di record' },
      ],
    });
    const en = await t.call('082053', {
      method: 'POST',
      url: '/tributi/v1/records/posizione-debitoria/uploads',
      headers: { 'content-type': 'text/csv', 'accept-language': 'en-GB,en;q=0.9' },
      payload: body,
    });
    expect(en.json()).toMatchObject({ title: 'Invalid columns' });
  });

  it('serves templates whose Italian headers and example row upload as they are', async () => {
    const template = await t.call('082053', {
      method: 'GET',
      url: '/tributi/v1/records/posizione-debitoria/template.csv',
    });
    expect(template.statusCode).toBe(200);
    const [header] = template.body.replace(/^\ufeff/, '').split('\r\n');
    expect(header?.split(';')).toEqual(
      expect.arrayContaining([
        'Ente',
        'Chiave',
        'Contribuente.Codice fiscale',
        'Partita IVA'.replace(/^/, 'Contribuente.'),
      ]),
    );
    const xlsx = await t.call('082053', {
      method: 'GET',
      url: '/tributi/v1/records/posizione-debitoria/template.xlsx',
    });
    const res = await postFile(t, '082053', xlsx.rawPayload, XLSX);
    expect(res.statusCode).toBe(202);
    const { view } = await completed(t, '082053', res.json<{ id: string }>().id);
    expect(view.rows).toMatchObject({ total: 1, published: 1, rejected: 0 });
  });

  it('answers a template of an unknown type, whatever its name, with a 404 problem', async () => {
    for (const file of ['template.csv', 'template.xlsx']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/tributi/v1/records/${encodeURIComponent('tipo-ā"\u0100')}/${file}`,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'unknown-record-type' });
    }
  });

  it('shows an upload only to its own ente', async () => {
    const res = await postFile(t, '082053', csv([HEADER, validRow('O-1', 1)]));
    const other = await t.call('082006', {
      method: 'GET',
      url: `/tributi/v1/records/posizione-debitoria/uploads/${res.json<{ id: string }>().id}`,
    });
    expect(other.statusCode).toBe(404);
  });

  it('serves the Italian upload page without a token, offering every theme', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/tributi/v1/caricamento' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="it">');
    expect(page.body).toContain('<option value="tributi" selected>tributi</option>');
    expect(page.body).toContain('<option value="sociale">sociale</option>');
  });
});
