import { describeRecordExamples } from '@interscambio/exchange/testing';
import ruleCases from '../test/rule-cases.json';
import { ambienteTerritorioTheme } from './ambiente-territorio.theme';

describeRecordExamples(ambienteTerritorioTheme, ruleCases);
