import { createHash } from 'node:crypto';

/** The fields of a lavori-pubblici cantiere this flow reads. */
export interface CantiereSorgente {
  area: { indirizzo: string };
  dataInizio: string;
  dataFine: string;
  impattoTraffico: string;
  stradeCoinvolte: string[];
  descrizione?: string;
  ordinanza?: { numero: string; data: string };
}

const NOTIFIABLE = new Set(['alto', 'chiusura-strada']);

/** `CANT-<cantiere>`, or a hash of a cantiere key too long to fit in 200 characters. */
export function avvisoViabilitaKey(cantiereKey: string): string {
  const key = `CANT-${cantiereKey}`;
  return key.length <= 200 ? key : `CANT-${createHash('sha256').update(cantiereKey).digest('hex')}`;
}

/** The notice a cantiere calls for, or null when its impact on traffic is too low for one. */
export function avvisoViabilita(ente: string, key: string, c: CantiereSorgente): Record<string, unknown> | null {
  if (!NOTIFIABLE.has(c.impattoTraffico)) return null;
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
