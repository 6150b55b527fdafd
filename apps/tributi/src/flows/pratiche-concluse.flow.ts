import type { Flow } from '@interscambio/exchange';
import type { PraticaEdilizia } from '@interscambio/schemas';
import { avvisiImu } from './avvisi-imu.derive';

/**
 * A pratica edilizia concluded: the tributi office of the same comune gets an avviso-verifica-imu
 * for each property it changed, published as that comune. Once there, an avviso belongs to the
 * office (it moves it to in-verifica, verificato…): a later change of the pratica never resets it.
 */
export const praticheConcluseFlow: Flow<PraticaEdilizia> = {
  name: 'pratiche-edilizie-concluse',
  source: { theme: 'edilizia-catasto', type: 'pratica-edilizia' },
  async handle({ ente, key, time, data }, records) {
    if (data === null) return;
    // The event's date, not today's: deriving again gives the same avviso.
    for (const avviso of avvisiImu(ente, key, data, time.slice(0, 10)))
      await records.put({ type: 'avviso-verifica-imu', ente, key: avviso.key, data: avviso.data }, { ifAbsent: true });
  },
};
