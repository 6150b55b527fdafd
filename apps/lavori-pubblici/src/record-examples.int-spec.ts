import { describeRecordExamples } from '@interscambio/exchange/testing';
import { lavoriPubbliciTheme } from './lavori-pubblici.theme';

describeRecordExamples(lavoriPubbliciTheme, [
  {
    type: 'opera-pubblica',
    name: 'a CUP whose year of decision is in the future',
    set: { '/cup': 'D71B89003450001' },
    expect: { pointer: '/cup', keyword: 'cup' },
  },
  {
    type: 'opera-pubblica',
    name: 'a CIG with wrong check characters',
    set: { '/cig': '9468213A0F' },
    expect: { pointer: '/cig', keyword: 'cig' },
  },
  {
    type: 'opera-pubblica',
    name: 'an expected end before the start of works',
    set: { '/dataFinePrevista': '2024-02-11' },
    expect: { pointer: '/dataFinePrevista', keyword: 'dateRange' },
  },
  {
    type: 'cantiere',
    name: 'an impresa whose partita IVA has a wrong check digit',
    set: { '/impresaEsecutrice/partitaIva': '06011220827' },
    expect: { pointer: '/impresaEsecutrice/partitaIva', keyword: 'partitaIva' },
  },
  {
    type: 'cantiere',
    name: 'an end before the start',
    set: { '/dataFine': '2024-02-11' },
    expect: { pointer: '/dataFine', keyword: 'dateRange' },
  },
]);
