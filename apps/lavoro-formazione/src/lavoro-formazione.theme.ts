import type { ThemeOptions } from '@interscambio/exchange';
import { lavoroFormazioneRules } from './lavoro-formazione.rules';

export const lavoroFormazioneTheme: ThemeOptions = {
  theme: 'lavoro-formazione',
  defaultPort: 3106,
  rules: lavoroFormazioneRules,
};
