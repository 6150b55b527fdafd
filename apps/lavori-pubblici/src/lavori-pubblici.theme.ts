import type { ThemeOptions } from '@interscambio/exchange';
import { lavoriPubbliciRules } from './lavori-pubblici.rules';

export const lavoriPubbliciTheme: ThemeOptions = {
  theme: 'lavori-pubblici',
  defaultPort: 3104,
  rules: lavoriPubbliciRules,
};
