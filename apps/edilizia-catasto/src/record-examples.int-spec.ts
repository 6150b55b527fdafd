import { describeRecordExamples } from '@interscambio/exchange/testing';
import ruleCases from '../test/rule-cases.json';
import { ediliziaCatastoTheme } from './edilizia-catasto.theme';

describeRecordExamples(ediliziaCatastoTheme, ruleCases);
