import { describeRecordExamples } from '@interscambio/exchange/testing';
import ruleCases from '../test/rule-cases.json';
import { lavoroFormazioneTheme } from './lavoro-formazione.theme';

describeRecordExamples(lavoroFormazioneTheme, ruleCases);
