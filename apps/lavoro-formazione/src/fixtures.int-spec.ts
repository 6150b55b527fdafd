import { describeFixtureRecords } from '@interscambio/exchange/testing';
import { lavoroFormazioneTheme } from './lavoro-formazione.theme';

describeFixtureRecords(lavoroFormazioneTheme);
