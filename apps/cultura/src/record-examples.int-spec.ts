import { describeRecordExamples } from '@interscambio/exchange/testing';
import { culturaTheme } from './cultura.theme';

describeRecordExamples(culturaTheme, [
  {
    type: 'evento',
    name: 'an end before the start',
    set: { '/dataFine': '2025-01-24T19:59:00+01:00' },
    expect: { pointer: '/dataFine', keyword: 'dateRange' },
  },
  {
    type: 'evento',
    name: 'a place in a comune outside the two città metropolitane',
    example: 1,
    set: { '/luogo/indirizzo/comune': '058091' },
    expect: { pointer: '/luogo/indirizzo/comune', keyword: 'comune' },
  },
  {
    type: 'luogo-della-cultura',
    name: 'opening hours that close before they open',
    example: 1,
    set: { '/orari/fasce/1/alle': '08:00' },
    expect: { pointer: '/orari/fasce/1/alle', keyword: 'timeRange' },
  },
]);
