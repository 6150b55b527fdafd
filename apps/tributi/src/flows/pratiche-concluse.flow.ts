import type { ThemeConsumer } from '@interscambio/exchange';
import { avvisiImu } from './avvisi-imu.derive';
import type { PraticaConclusa } from './avvisi-imu.derive';

/**
 * A pratica edilizia concluded: the tributi office of the same comune gets an avviso-verifica-imu
 * for each property it changed, published as that comune. Once there, an avviso belongs to the
 * office (it moves it to in-verifica, verificato…): a later change of the pratica never resets it.
 */
export const praticheConcluseConsumer: ThemeConsumer = {
  name: 'pratiche-edilizie-concluse',
  sources: [{ theme: 'edilizia-catasto', type: 'pratica-edilizia' }],
  async handle(event, records) {
    const ente = /^\/enti\/([0-9]{6})$/.exec(event.source)?.[1];
    // Our events always carry a time; without one the avviso's date would not be reproducible.
    if (!ente || !event.subject || !event.time || event.data === null) return;
    for (const avviso of avvisiImu(ente, event.subject, event.data as PraticaConclusa, event.time.slice(0, 10)))
      await records.put({ type: 'avviso-verifica-imu', ente, key: avviso.key, data: avviso.data }, { ifAbsent: true });
  },
};
