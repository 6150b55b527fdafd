import { describeFixtureRecords } from '@interscambio/exchange/testing';
import { socialeTheme } from './sociale.theme';

describeFixtureRecords(socialeTheme);
