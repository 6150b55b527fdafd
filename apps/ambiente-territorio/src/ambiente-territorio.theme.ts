import type { ThemeOptions } from '@interscambio/exchange';
import { ambienteTerritorioRules } from './ambiente-territorio.rules';
import { cantieriViabilitaFlow } from './flows/cantieri-viabilita.flow';

export const ambienteTerritorioTheme: ThemeOptions = {
  theme: 'ambiente-territorio',
  defaultPort: 3107,
  rules: ambienteTerritorioRules,
  flows: [cantieriViabilitaFlow],
};
