import type { ThemeOptions } from '@interscambio/exchange';
import { ediliziaCatastoRules } from './edilizia-catasto.rules';

export const ediliziaCatastoTheme: ThemeOptions = {
  theme: 'edilizia-catasto',
  defaultPort: 3103,
  rules: ediliziaCatastoRules,
};
