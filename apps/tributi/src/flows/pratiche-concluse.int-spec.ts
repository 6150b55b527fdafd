import type { ThemeOptions } from '@interscambio/exchange';
import { KafkajsBus } from '@interscambio/messaging';

import { latestEventHandled, publishAgain, deleteFlowTopics, startFlowTheme } from '@interscambio/exchange/testing';
import { eventually, forSuite, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import { avvisoDellaNuovaUnita, praticaConclusa as pratica } from '../../test/pratica-conclusa';
import { tributiTheme } from '../tributi.theme';

// The source theme as its service runs it: the same exchange, the same schemas (its own rules aside).
const ediliziaCatasto: ThemeOptions = { theme: 'edilizia-catasto', defaultPort: 0 };
const prefix = uniqueName('it-flow-imu');
const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('flow-imu-test'));

const avvisi = ['12', '13', '27'].map((sub) => `PE-CILA-4417-G273-128-1450-${sub}`);

describe('a concluded pratica edilizia becomes avvisi di verifica IMU in tributi', () => {
  const edilizia = forSuite(() => startFlowTheme(ediliziaCatasto, 'flow_imu_edilizia', prefix));
  const tributi = forSuite(() => startFlowTheme(tributiTheme, 'flow_imu_tributi', prefix));

  afterAll(() => deleteFlowTopics(bus, prefix));

  const readAvviso = async (key: string): Promise<unknown> => {
    const res = await tributi.call('082053', {
      method: 'GET',
      url: `/tributi/v1/records/avviso-verifica-imu/082053/${key}`,
    });
    return res.statusCode === 200 ? res.json() : undefined;
  };

  /** Waits until tributi has handled the latest event of a pratica. */
  const handledBySource = (key: string): Promise<string> => latestEventHandled(edilizia, tributi, `082053/${key}`);

  it('publishes one avviso per changed property, as the comune of the pratica, readable over REST', async () => {
    const put = await edilizia.call('082053', {
      method: 'PUT',
      url: '/edilizia-catasto/v1/records/pratica-edilizia/082053/CILA-4417',
      payload: pratica,
    });
    expect(put.statusCode).toBe(201);

    expect(await eventually(() => readAvviso(avvisi[2] as string))).toEqual(avvisoDellaNuovaUnita);
    await handledBySource('CILA-4417');
    const { rows } = await tributi.sql.query(`select key, revision from record order by key`);
    expect(rows).toEqual(avvisi.map((key) => ({ key, revision: 1 })));
    // The audit trail names the flow, acting for the comune, and the request that started it all.
    // Entries commit with the write and are chained by the sealer shortly after: either table holds them.
    const audit = await tributi.sql.query(
      `select distinct client_id, ente, action, correlation_id from (
         select client_id, ente, action, correlation_id from audit_entry
         union all select client_id, ente, action, correlation_id from audit_pending) e`,
    );
    expect(audit.rows).toEqual([
      {
        client_id: 'flow:tributi.pratiche-edilizie-concluse',
        ente: '082053',
        action: 'created',
        correlation_id: put.headers['x-correlation-id'],
      },
    ]);
  });

  it('has the same effect when the source event arrives again, with its own id or a new one', async () => {
    await publishAgain(edilizia, tributi, bus, '082053/CILA-4417');

    const records = await tributi.sql.query(`select key, revision from record order by key`);
    expect(records.rows).toEqual(avvisi.map((key) => ({ key, revision: 1 })));
    const outbox = await tributi.sql.query(`select key from outbox order by key`);
    expect(outbox.rows).toEqual(avvisi.map((key) => ({ key: `082053/${key}` })));
    const feed = await tributi.call('082053', { method: 'GET', url: '/tributi/v1/feed' });
    expect(feed.json<{ items: { key: string; revision: number }[] }>().items).toEqual(
      avvisi.map((key) => expect.objectContaining({ key, revision: 1 })),
    );
  });

  it('leaves an avviso the tributi office has taken up alone when the pratica changes again', async () => {
    const url = `/tributi/v1/records/avviso-verifica-imu/082053/${avvisi[0] as string}`;
    const taken = { ...((await readAvviso(avvisi[0] as string)) as object), stato: 'in-verifica' };
    expect((await tributi.call('082053', { method: 'PUT', url, payload: taken })).statusCode).toBe(200);

    await edilizia.call('082053', {
      method: 'PUT',
      url: '/edilizia-catasto/v1/records/pratica-edilizia/082053/CILA-4417',
      payload: { ...pratica, oggetto: 'Fusione di due unità abitative (rettifica)' },
    });
    await handledBySource('CILA-4417');
    expect(await readAvviso(avvisi[0] as string)).toEqual(taken);
  });

  it('derives nothing from a pratica still under review', async () => {
    await edilizia.call('082053', {
      method: 'PUT',
      url: '/edilizia-catasto/v1/records/pratica-edilizia/082053/PDC-2025-1',
      payload: { ...pratica, stato: 'in-istruttoria', dataConclusione: undefined },
    });
    await handledBySource('PDC-2025-1');
    const { rows } = await tributi.sql.query(`select count(*)::int as n from record where key like 'PE-PDC-2025-1-%'`);
    expect(rows).toEqual([{ n: 0 }]);
  });
});
