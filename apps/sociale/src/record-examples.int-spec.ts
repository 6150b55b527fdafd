import { describeRecordExamples } from '@interscambio/exchange/testing';
import ruleCases from '../test/rule-cases.json';
import { socialeTheme } from './sociale.theme';

describeRecordExamples(socialeTheme, ruleCases);
