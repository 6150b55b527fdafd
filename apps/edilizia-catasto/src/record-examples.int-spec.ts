import { describeRecordExamples } from '@interscambio/exchange/testing';
import { ediliziaCatastoTheme } from './edilizia-catasto.theme';

describeRecordExamples(ediliziaCatastoTheme, [
  {
    type: 'pratica-edilizia',
    name: 'a richiedente whose codice fiscale has a wrong check character',
    set: { '/richiedente/codiceFiscale': 'FRRCGR71T05G273A' },
    expect: { pointer: '/richiedente/codiceFiscale', keyword: 'codiceFiscale' },
  },
  {
    type: 'pratica-edilizia',
    name: 'a richiedente whose partita IVA has a wrong check digit',
    example: 1,
    set: { '/richiedente/partitaIva': '05432100824' },
    expect: { pointer: '/richiedente/partitaIva', keyword: 'partitaIva' },
  },
  {
    type: 'pratica-edilizia',
    name: 'a property in a comune outside the two città metropolitane (Roma, H501)',
    set: { '/immobili/1/codiceCatastaleComune': 'H501' },
    expect: { pointer: '/immobili/1/codiceCatastaleComune', keyword: 'codiceCatastale' },
  },
  {
    type: 'pratica-edilizia',
    name: 'a conclusion before the presentation',
    set: { '/dataConclusione': '2024-03-10' },
    expect: { pointer: '/dataConclusione', keyword: 'dateRange' },
  },
  {
    type: 'unita-immobiliare',
    name: 'a codice catastale that is no comune of the two città metropolitane',
    set: { '/codiceCatastaleComune': 'Z999' },
    expect: { pointer: '/codiceCatastaleComune', keyword: 'codiceCatastale' },
  },
]);
