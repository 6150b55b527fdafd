import type { Cantiere } from '@interscambio/schemas';
import { avvisoViabilita, avvisoViabilitaKey } from './avviso-viabilita.derive';

const cantiere: Cantiere = {
  area: { indirizzo: 'via Roma, tra piazza Garraffello e via Castelnuovo' },
  dataInizio: '2025-03-03',
  dataFine: '2025-04-30',
  impattoTraffico: 'alto',
  stradeCoinvolte: ['via Roma'],
};

describe('the avviso di viabilità a cantiere calls for', () => {
  it('names the roads, the period, the impact and the cantiere it comes from', () => {
    expect(avvisoViabilita('083048', 'MSP-112', cantiere)).toEqual({
      stradeCoinvolte: ['via Roma'],
      dataInizio: '2025-03-03',
      dataFine: '2025-04-30',
      impattoTraffico: 'alto',
      indirizzo: 'via Roma, tra piazza Garraffello e via Castelnuovo',
      cantiere: { ente: '083048', key: 'MSP-112' },
    });
  });

  it.each(['nessuno', 'basso', 'medio'] as const)('is none for impact %s', (impattoTraffico) => {
    expect(avvisoViabilita('083048', 'MSP-112', { ...cantiere, impattoTraffico })).toBeNull();
  });

  it('is keyed by the cantiere, within the 200 characters of a record key', () => {
    expect(avvisoViabilitaKey('MSP-112')).toBe('CANT-MSP-112');
    expect(avvisoViabilitaKey('X'.repeat(200))).toMatch(/^CANT-[0-9a-f]{64}$/);
  });
});
