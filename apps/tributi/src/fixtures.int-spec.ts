import { describeFixtureRecords } from '@interscambio/exchange/testing';
import { tributiTheme } from './tributi.theme';

describeFixtureRecords(tributiTheme);
