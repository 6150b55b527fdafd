import { describeHostileInput } from '@interscambio/exchange/testing';
import { tributiTheme } from './tributi.theme';

describeHostileInput(tributiTheme);
