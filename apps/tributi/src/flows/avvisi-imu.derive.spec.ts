import type { PraticaEdilizia } from '@interscambio/schemas';
import { avvisiImu } from './avvisi-imu.derive';

const pratica: PraticaEdilizia = {
  tipo: 'CILA',
  numeroProtocollo: '2024/0154321',
  dataPresentazione: '2024-03-11',
  richiedente: { codiceFiscale: 'FRRCGR71T05G273M' },
  stato: 'conclusa',
  dataConclusione: '2024-09-30',
  oggetto: 'Fusione di due unità abitative',
  immobili: [
    { codiceCatastaleComune: 'G273', foglio: '128', particella: '1450', subalterno: '12' },
    { codiceCatastaleComune: 'G273', foglio: '128', particella: '1450', subalterno: '13' },
  ],
  unitaImmobiliari: ['G273-128-1450-27', 'gestionale-interno-9'],
};

describe('avvisi IMU derived from a pratica edilizia', () => {
  it('derives one avviso per immobile and per changed unit, keyed by pratica and property', () => {
    const avvisi = avvisiImu('082053', 'CILA-4417', pratica, '2024-10-01');
    expect(avvisi.map((a) => a.key)).toEqual([
      'PE-CILA-4417-G273-128-1450-12',
      'PE-CILA-4417-G273-128-1450-13',
      'PE-CILA-4417-G273-128-1450-27',
    ]);
    expect(avvisi[2]?.data).toEqual({
      codiceCatastaleComune: 'G273',
      foglio: '128',
      particella: '1450',
      subalterno: '27',
      praticaEdilizia: { ente: '082053', key: 'CILA-4417' },
      unitaImmobiliare: 'G273-128-1450-27',
      motivo: 'altro',
      descrizione: 'Fusione di due unità abitative',
      dataAvviso: '2024-09-30',
      stato: 'da-verificare',
    });
  });

  it('derives the same avvisi every time, whatever day the event is handled', () => {
    expect(avvisiImu('082053', 'P-1', pratica, '2024-10-01')).toEqual(
      avvisiImu('082053', 'P-1', pratica, '2024-10-01'),
    );
    expect(
      avvisiImu('082053', 'P-1', { ...pratica, dataConclusione: undefined }, '2024-10-01')[0]?.data.dataAvviso,
    ).toBe('2024-10-01');
  });

  it('derives nothing from a pratica that is not concluded', () => {
    expect(avvisiImu('082053', 'P-1', { ...pratica, stato: 'in-istruttoria' }, '2024-10-01')).toEqual([]);
  });

  it('keeps a long pratica key within the 200 characters of a record key', () => {
    const [avviso] = avvisiImu('082053', 'X'.repeat(200), pratica, '2024-10-01');
    expect(avviso?.key).toMatch(/^PE-[0-9a-f]{32}-G273-128-1450-12$/);
  });
});
