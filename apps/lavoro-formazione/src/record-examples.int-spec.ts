import { describeRecordExamples } from '@interscambio/exchange/testing';
import { lavoroFormazioneTheme } from './lavoro-formazione.theme';

describeRecordExamples(lavoroFormazioneTheme, [
  {
    type: 'corso-di-formazione',
    name: 'an ente erogatore whose codice fiscale has a wrong check digit',
    set: { '/enteErogatore/codiceFiscale': '97055660820' },
    expect: { pointer: '/enteErogatore/codiceFiscale', keyword: 'codiceFiscale' },
  },
  {
    type: 'corso-di-formazione',
    name: 'a course that ends before it starts',
    set: { '/dataFine': '2025-10-05' },
    expect: { pointer: '/dataFine', keyword: 'dateRange' },
  },
  {
    type: 'corso-di-formazione',
    name: 'a minimum age above the maximum',
    example: 3,
    set: { '/requisiti/etaMinima': 36 },
    expect: { pointer: '/requisiti/etaMinima', keyword: 'maximum' },
  },
  {
    type: 'offerta-di-lavoro',
    name: 'a datore di lavoro whose partita IVA has a wrong check digit',
    set: { '/datoreDiLavoro/partitaIva': '06555120821' },
    expect: { pointer: '/datoreDiLavoro/partitaIva', keyword: 'partitaIva' },
  },
  {
    type: 'offerta-di-lavoro',
    name: 'a deadline before the publication',
    set: { '/dataScadenza': '2025-04-01' },
    expect: { pointer: '/dataScadenza', keyword: 'dateRange' },
  },
]);
