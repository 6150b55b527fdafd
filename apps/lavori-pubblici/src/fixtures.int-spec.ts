import { describeFixtureRecords } from '@interscambio/exchange/testing';
import { lavoriPubbliciTheme } from './lavori-pubblici.theme';

describeFixtureRecords(lavoriPubbliciTheme);
