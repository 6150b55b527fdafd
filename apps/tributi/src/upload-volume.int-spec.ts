import { forSuite } from '@interscambio/testing';
import { startTributi } from '../test/tributi-test-app';
import { badCf, completed, HEADER, postFile, validRow } from '../test/upload-files';

// `npm run test:upload-100k` runs the full 100,000 rows (a few minutes on a loaded 2-core machine);
// `npm test` the same scenario on 10,000, to keep its time in bounds.
const ROWS = Number(process.env['UPLOAD_TEST_ROWS'] ?? 10_000);

/** Every 100th row is bad, five ways in turn: the column each one's report line must name. */
const BAD: [column: string, spoil: (row: string[], n: number) => void][] = [
  ['Contribuente.Codice fiscale', (row, n) => (row[1] = badCf(n))],
  ['Anno', (row) => (row[4] = 'duemila')],
  ['Tributo', (row) => (row[3] = 'IRPEF')],
  ['Stato', (row) => (row[7] = '')],
  ['Scadenza', (row) => (row[6] = '31/02/2024')],
];

describe(`a ${ROWS.toLocaleString('en')}-row CSV upload with 1 % bad rows`, () => {
  const t = forSuite(() => startTributi('tributi_upload_100k'));

  it('publishes every valid row, readable through the API, and reports every bad row by its column', async () => {
    const expected = new Map<number, string>();
    const lines = [HEADER.join(',')];
    for (let n = 1; n <= ROWS; n++) {
      const row = validRow(`K-${n}`, n);
      if (n % 100 === 0) {
        const [column, spoil] = BAD[(n / 100) % BAD.length] as (typeof BAD)[number];
        spoil(row, n);
        expected.set(n + 1, column);
      }
      lines.push(row.join(','));
    }
    const res = await postFile(t, '082053', lines.join('\n'));
    expect(res.statusCode).toBe(202);
    const { view, errors } = await completed(t, '082053', res.json<{ id: string }>().id);

    expect(view.rows).toEqual({ total: ROWS, read: ROWS, published: ROWS - expected.size, rejected: expected.size });
    expect(new Map(errors.map((e) => [e.row, e.column]))).toEqual(expected);
    expect(errors).toHaveLength(expected.size);

    const keys = new Set<string>();
    for (let cursor: string | null = ''; cursor !== null;) {
      const page = await t.call('082053', {
        method: 'GET',
        url: `/tributi/v1/records/posizione-debitoria?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
      });
      const body = page.json<{ items: { key: string; revision: number }[]; next: string | null }>();
      for (const item of body.items) keys.add(`${item.key}@${item.revision}`);
      cursor = body.next;
    }
    const valid = Array.from({ length: ROWS }, (_, i) => i + 1).filter((n) => !expected.has(n + 1));
    expect(keys).toEqual(new Set(valid.map((n) => `K-${n}@1`)));
  }, 900_000);
});
