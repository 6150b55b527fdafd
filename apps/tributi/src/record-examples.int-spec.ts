import { describeRecordExamples } from '@interscambio/exchange/testing';
import ruleCases from '../test/rule-cases.json';
import { tributiTheme } from './tributi.theme';

describeRecordExamples(tributiTheme, ruleCases);
