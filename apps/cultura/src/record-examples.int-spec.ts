import { describeRecordExamples } from '@interscambio/exchange/testing';
import ruleCases from '../test/rule-cases.json';
import { culturaTheme } from './cultura.theme';

describeRecordExamples(culturaTheme, ruleCases);
