import { describeRecordExamples } from '@interscambio/exchange/testing';
import ruleCases from '../test/rule-cases.json';
import { lavoriPubbliciTheme } from './lavori-pubblici.theme';

describeRecordExamples(lavoriPubbliciTheme, ruleCases);
