import type { ThemeOptions } from '@interscambio/exchange';
import { culturaRules } from './cultura.rules';

export const culturaTheme: ThemeOptions = { theme: 'cultura', defaultPort: 3105, rules: culturaRules };
