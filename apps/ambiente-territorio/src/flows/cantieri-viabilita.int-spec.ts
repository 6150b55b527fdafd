import type { ThemeOptions } from '@interscambio/exchange';
import { KafkajsBus } from '@interscambio/messaging';

import { latestEventHandled, publishAgain, deleteFlowTopics, startFlowTheme } from '@interscambio/exchange/testing';
import { eventually, forSuite, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import { ambienteTerritorioTheme } from '../ambiente-territorio.theme';

// The source theme as its service runs it: the same exchange, the same schemas (its own rules aside).
const lavoriPubblici: ThemeOptions = { theme: 'lavori-pubblici', defaultPort: 0 };
const prefix = uniqueName('it-flow-viabilita');
const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('flow-viabilita-test'));

const cantiere = {
  descrizione: 'Rifacimento della pavimentazione di piazza Magione',
  area: { indirizzo: 'piazza Magione, lato via Magione', posizione: { lat: 38.117, lon: 13.368 } },
  dataInizio: '2025-02-12',
  dataFine: '2025-10-31',
  impattoTraffico: 'chiusura-strada',
  stradeCoinvolte: ['piazza Magione', 'via Magione'],
  ordinanza: { numero: '1187/2025', data: '2025-02-05' },
};
const cantiereUrl = (key: string): string => `/lavori-pubblici/v1/records/cantiere/082053/${key}`;

describe('a cantiere that closes a road becomes an avviso di viabilità in ambiente-territorio', () => {
  const lavori = forSuite(() => startFlowTheme(lavoriPubblici, 'flow_viab_lavori', prefix));
  const ambiente = forSuite(() => startFlowTheme(ambienteTerritorioTheme, 'flow_viab_ambiente', prefix));

  afterAll(() => deleteFlowTopics(bus, prefix));

  const readAvviso = async (key: string): Promise<{ status: number; body?: unknown }> => {
    const res = await ambiente.call('082053', {
      method: 'GET',
      url: `/ambiente-territorio/v1/records/avviso-viabilita/082053/${key}`,
    });
    return res.statusCode === 200 ? { status: 200, body: res.json() } : { status: res.statusCode };
  };

  /** Waits until ambiente-territorio has handled the latest event of a cantiere. */
  const handled = async (key: string): Promise<void> => {
    await latestEventHandled(lavori, ambiente, `082053/${key}`);
  };

  /** Writes a cantiere of 082053 in lavori-pubblici, then waits until ambiente-territorio has handled it. */
  const putCantiere = async (key: string, payload: object): Promise<void> => {
    await lavori.call('082053', { method: 'PUT', url: cantiereUrl(key), payload });
    await handled(key);
  };

  it('publishes the notice as the comune of the cantiere, readable over REST', async () => {
    expect(
      (await lavori.call('082053', { method: 'PUT', url: cantiereUrl('CANT-2025-31'), payload: cantiere })).statusCode,
    ).toBe(201);
    const avviso = await eventually(async () => {
      const read = await readAvviso('CANT-CANT-2025-31');
      return read.status === 200 ? read.body : undefined;
    });
    expect(avviso).toEqual({
      stradeCoinvolte: ['piazza Magione', 'via Magione'],
      dataInizio: '2025-02-12',
      dataFine: '2025-10-31',
      impattoTraffico: 'chiusura-strada',
      indirizzo: 'piazza Magione, lato via Magione',
      motivo: cantiere.descrizione,
      ordinanza: { numero: '1187/2025', data: '2025-02-05' },
      cantiere: { ente: '082053', key: 'CANT-2025-31' },
    });
  });

  it('has the same effect when the source event arrives again, with its own id or a new one', async () => {
    await handled('CANT-2025-31');
    await publishAgain(lavori, ambiente, bus, '082053/CANT-2025-31');

    const records = await ambiente.sql.query('select key, revision from record');
    expect(records.rows).toEqual([{ key: 'CANT-CANT-2025-31', revision: 1 }]);
    const outbox = await ambiente.sql.query('select key from outbox');
    expect(outbox.rows).toEqual([{ key: '082053/CANT-CANT-2025-31' }]);
    const feed = await ambiente.call('082053', { method: 'GET', url: '/ambiente-territorio/v1/feed' });
    expect(feed.json<{ items: { key: string; revision: number }[] }>().items).toEqual([
      expect.objectContaining({ key: 'CANT-CANT-2025-31', revision: 1 }),
    ]);
  });

  it('follows the cantiere: new dates update the notice, a lower impact removes it', async () => {
    await putCantiere('CANT-2025-31', { ...cantiere, dataFine: '2025-12-19' });
    expect(await readAvviso('CANT-CANT-2025-31')).toMatchObject({ status: 200, body: { dataFine: '2025-12-19' } });

    await putCantiere('CANT-2025-31', { ...cantiere, impattoTraffico: 'basso' });
    expect(await readAvviso('CANT-CANT-2025-31')).toEqual({ status: 404 });
  });

  it('publishes no notice for a cantiere of low impact', async () => {
    await putCantiere('CANT-2025-40', { ...cantiere, impattoTraffico: 'medio' });
    const { rows } = await ambiente.sql.query(`select count(*)::int as n from record where key = 'CANT-CANT-2025-40'`);
    expect(rows).toEqual([{ n: 0 }]);
  });
});
