import { describeRecordExamples } from '@interscambio/exchange/testing';
import { socialeTheme } from './sociale.theme';

describeRecordExamples(socialeTheme, [
  {
    type: 'presa-in-carico',
    name: 'a codice fiscale with a wrong check character',
    set: { '/beneficiario/codiceFiscale': 'MNNLCU14B03B780X' },
    expect: { pointer: '/beneficiario/codiceFiscale', keyword: 'codiceFiscale' },
  },
  {
    type: 'presa-in-carico',
    name: 'a closing date before the opening one',
    example: 1,
    set: { '/dataChiusura': '2021-03-01' },
    expect: { pointer: '/dataChiusura', keyword: 'dateRange' },
  },
  {
    type: 'prestazione',
    name: 'a period that ends before it starts',
    set: { '/periodo/al': '2024-12-31' },
    expect: { pointer: '/periodo/al', keyword: 'dateRange' },
  },
]);
