import { describeRecordExamples } from '@interscambio/exchange/testing';
import { tributiTheme } from './tributi.theme';

describeRecordExamples(tributiTheme, [
  {
    type: 'posizione-debitoria',
    name: 'a contribuente whose codice fiscale has a wrong check character',
    example: 1,
    set: { '/contribuente/codiceFiscale': 'LNZGPP75M12A546A' },
    expect: { pointer: '/contribuente/codiceFiscale', keyword: 'codiceFiscale' },
  },
  {
    type: 'avviso-verifica-imu',
    name: 'a property in a comune outside the two città metropolitane (Roma, H501)',
    set: { '/codiceCatastaleComune': 'H501' },
    expect: { pointer: '/codiceCatastaleComune', keyword: 'codiceCatastale' },
  },
  {
    type: 'avviso-verifica-imu',
    name: 'a pratica edilizia of an ente that does not take part',
    set: { '/praticaEdilizia/ente': '058091' },
    expect: { pointer: '/praticaEdilizia/ente', keyword: 'comune' },
  },
]);
