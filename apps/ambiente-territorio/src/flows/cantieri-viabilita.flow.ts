import type { ThemeConsumer } from '@interscambio/exchange';
import { avvisoViabilita, avvisoViabilitaKey } from './avviso-viabilita.derive';
import type { CantiereSorgente } from './avviso-viabilita.derive';

/**
 * A cantiere that closes a road or weighs heavily on traffic becomes an avviso-viabilita of the same
 * comune, and follows it: new dates update the notice, a lower impact or a deleted cantiere removes it.
 */
export const cantieriViabilitaConsumer: ThemeConsumer = {
  name: 'cantieri-viabilita',
  sources: [{ theme: 'lavori-pubblici', type: 'cantiere' }],
  async handle(event, records) {
    const ente = /^\/enti\/([0-9]{6})$/.exec(event.source)?.[1];
    if (!ente || !event.subject) return;
    const key = avvisoViabilitaKey(event.subject);
    const data = event.data === null ? null : avvisoViabilita(ente, event.subject, event.data as CantiereSorgente);
    if (data) await records.put({ type: 'avviso-viabilita', ente, key, data });
    else await records.remove('avviso-viabilita', ente, key);
  },
};
