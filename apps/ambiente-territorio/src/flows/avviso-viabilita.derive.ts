import { createHash } from 'node:crypto';
import type { AvvisoViabilita, Cantiere } from '@interscambio/schemas';

/** The impacts that call for a notice: those the avviso-viabilita schema admits. */
function notifiable(impatto: Cantiere['impattoTraffico']): impatto is AvvisoViabilita['impattoTraffico'] {
  return impatto === 'alto' || impatto === 'chiusura-strada';
}

/** `CANT-<cantiere>`, or a hash of a cantiere key too long to fit in 200 characters. */
export function avvisoViabilitaKey(cantiereKey: string): string {
  const key = `CANT-${cantiereKey}`;
  return key.length <= 200 ? key : `CANT-${createHash('sha256').update(cantiereKey).digest('hex')}`;
}

/** The notice a cantiere calls for, or null when its impact on traffic is too low for one. */
export function avvisoViabilita(ente: string, key: string, c: Cantiere): AvvisoViabilita | null {
  if (!notifiable(c.impattoTraffico)) return null;
  return {
    stradeCoinvolte: c.stradeCoinvolte,
    dataInizio: c.dataInizio,
    dataFine: c.dataFine,
    impattoTraffico: c.impattoTraffico,
    indirizzo: c.area.indirizzo,
    ...(c.descrizione ? { motivo: c.descrizione } : {}),
    ...(c.ordinanza ? { ordinanza: c.ordinanza } : {}),
    cantiere: { ente, key },
  };
}
