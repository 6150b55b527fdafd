import type { ThemeOptions } from '@interscambio/exchange';
import { socialeRules } from './sociale.rules';

export const socialeTheme: ThemeOptions = { theme: 'sociale', defaultPort: 3102, rules: socialeRules };
