import { describeHostileInput } from '@interscambio/exchange/testing';
import { culturaTheme } from './cultura.theme';

// tributi runs the full CI share; the other themes a smaller one each, over their own types.
describeHostileInput(culturaTheme, { requests: 500, raw: 20 });
