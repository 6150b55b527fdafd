import { describeFixtureRecords } from '@interscambio/exchange/testing';
import { ediliziaCatastoTheme } from './edilizia-catasto.theme';

describeFixtureRecords(ediliziaCatastoTheme);
