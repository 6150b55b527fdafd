import { describeRecordExamples } from '@interscambio/exchange/testing';
import { ambienteTerritorioTheme } from './ambiente-territorio.theme';

describeRecordExamples(ambienteTerritorioTheme, [
  {
    type: 'calendario-raccolta-rifiuti',
    name: 'a calendar valid until before it starts',
    example: 2,
    set: { '/validoAl': '2023-12-31' },
    expect: { pointer: '/validoAl', keyword: 'dateRange' },
  },
  {
    type: 'segnalazione',
    name: 'an update before the report itself',
    set: { '/dataAggiornamento': '2025-03-04T07:17:41Z' },
    expect: { pointer: '/dataAggiornamento', keyword: 'dateRange' },
  },
]);
