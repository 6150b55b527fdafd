import { describeFixtureRecords } from '@interscambio/exchange/testing';
import { culturaTheme } from './cultura.theme';

describeFixtureRecords(culturaTheme);
