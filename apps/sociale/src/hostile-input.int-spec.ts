import { describeHostileInput } from '@interscambio/exchange/testing';
import { socialeTheme } from './sociale.theme';

// tributi runs the full CI share; the other themes a smaller one each, over their own types.
describeHostileInput(socialeTheme, { requests: 500, raw: 20 });
