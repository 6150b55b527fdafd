import { describeHostileInput } from '@interscambio/exchange/testing';
import { ediliziaCatastoTheme } from './edilizia-catasto.theme';

// tributi runs the full CI share; the other themes a smaller one each, over their own types.
describeHostileInput(ediliziaCatastoTheme, { requests: 500, raw: 20 });
