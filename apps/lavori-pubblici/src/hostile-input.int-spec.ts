import { describeHostileInput } from '@interscambio/exchange/testing';
import { lavoriPubbliciTheme } from './lavori-pubblici.theme';

// tributi runs the full CI share; the other themes a smaller one each, over their own types.
describeHostileInput(lavoriPubbliciTheme, { requests: 500, raw: 20 });
