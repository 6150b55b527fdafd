import type { PraticaEdilizia } from '@interscambio/schemas';

/**
 * A CILA concluded in Palermo (G273) that merges two flats into a new unit: the pratica edilizia the
 * avvisi IMU are derived from, in the unit test of the derivation and in the flow's integration tests.
 */
export const praticaConclusa: PraticaEdilizia = {
  tipo: 'CILA',
  numeroProtocollo: '2024/0154321',
  dataPresentazione: '2024-03-11',
  stato: 'conclusa',
  dataConclusione: '2024-09-30',
  oggetto: 'Fusione di due unità abitative, via Libertà 42',
  richiedente: { codiceFiscale: 'FRRCGR71T05G273M' },
  immobili: [
    { codiceCatastaleComune: 'G273', foglio: '128', particella: '1450', subalterno: '12' },
    { codiceCatastaleComune: 'G273', foglio: '128', particella: '1450', subalterno: '13' },
  ],
  unitaImmobiliari: ['G273-128-1450-27'],
};

/** The avviso derived from it, published by Palermo as pratica CILA-4417, for the new unit. */
export const avvisoDellaNuovaUnita = {
  codiceCatastaleComune: 'G273',
  foglio: '128',
  particella: '1450',
  subalterno: '27',
  praticaEdilizia: { ente: '082053', key: 'CILA-4417' },
  unitaImmobiliare: 'G273-128-1450-27',
  motivo: 'altro',
  descrizione: praticaConclusa.oggetto,
  dataAvviso: '2024-09-30',
  stato: 'da-verificare',
};
