import type { ThemeOptions } from '@interscambio/exchange';
import { praticheConcluseFlow } from './flows/pratiche-concluse.flow';
import { tributiRules } from './tributi.rules';

export const tributiTheme: ThemeOptions = {
  theme: 'tributi',
  defaultPort: 3101,
  rules: tributiRules,
  flows: [praticheConcluseFlow],
};
