import { describeFixtureRecords } from '@interscambio/exchange/testing';
import { ambienteTerritorioTheme } from './ambiente-territorio.theme';

describeFixtureRecords(ambienteTerritorioTheme);
