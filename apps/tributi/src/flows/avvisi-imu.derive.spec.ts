import type { PraticaEdilizia } from '@interscambio/schemas';
import { avvisoDellaNuovaUnita, praticaConclusa } from '../../test/pratica-conclusa';
import { avvisiImu } from './avvisi-imu.derive';

// A unit a gestionale names by its own code, not a cadastral one, becomes no avviso.
const pratica: PraticaEdilizia = {
  ...praticaConclusa,
  unitaImmobiliari: [...(praticaConclusa.unitaImmobiliari ?? []), 'gestionale-interno-9'],
};

describe('avvisi IMU derived from a pratica edilizia', () => {
  it('derives one avviso per immobile and per changed unit, keyed by pratica and property', () => {
    const avvisi = avvisiImu('082053', 'CILA-4417', pratica, '2024-10-01');
    expect(avvisi.map((a) => a.key)).toEqual([
      'PE-CILA-4417-G273-128-1450-12',
      'PE-CILA-4417-G273-128-1450-13',
      'PE-CILA-4417-G273-128-1450-27',
    ]);
    expect(avvisi[2]?.data).toEqual(avvisoDellaNuovaUnita);
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
