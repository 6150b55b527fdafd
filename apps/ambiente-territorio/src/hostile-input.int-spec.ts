import { describeHostileInput } from '@interscambio/exchange/testing';
import { ambienteTerritorioTheme } from './ambiente-territorio.theme';

// tributi runs the full CI share; the other themes a smaller one each, over their own types.
describeHostileInput(ambienteTerritorioTheme, { requests: 500, raw: 20 });
