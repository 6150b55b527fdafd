import type { Flow } from '@interscambio/exchange';
import type { Cantiere } from '@interscambio/schemas';
import { avvisoViabilita, avvisoViabilitaKey } from './avviso-viabilita.derive';

/**
 * A cantiere that closes a road or weighs heavily on traffic becomes an avviso-viabilita of the same
 * comune, and follows it: new dates update the notice, a lower impact or a deleted cantiere removes it.
 */
export const cantieriViabilitaFlow: Flow<Cantiere> = {
  name: 'cantieri-viabilita',
  source: { theme: 'lavori-pubblici', type: 'cantiere' },
  async handle({ ente, key, data }, records) {
    const avvisoKey = avvisoViabilitaKey(key);
    const avviso = data === null ? null : avvisoViabilita(ente, key, data);
    if (avviso) await records.put({ type: 'avviso-viabilita', ente, key: avvisoKey, data: avviso });
    else await records.remove('avviso-viabilita', ente, avvisoKey);
  },
};
