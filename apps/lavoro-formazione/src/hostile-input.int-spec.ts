import { describeHostileInput } from '@interscambio/exchange/testing';
import { lavoroFormazioneTheme } from './lavoro-formazione.theme';

// tributi runs the full CI share; the other themes a smaller one each, over their own types.
describeHostileInput(lavoroFormazioneTheme, { requests: 500, raw: 20 });
