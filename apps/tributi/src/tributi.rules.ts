import { codiceCatastaleRule, comuneRule, knownEnteRule, soggettoRules } from '@interscambio/exchange';
import type { ThemeRule } from '@interscambio/exchange';

/** What the tributi schemas cannot say: the contribuente's identifiers' check characters, real comuni. */
export const tributiRules: ThemeRule[] = [
  knownEnteRule(),
  ...soggettoRules('posizione-debitoria', '/contribuente'),
  codiceCatastaleRule('avviso-verifica-imu', ['/codiceCatastaleComune']),
  comuneRule('avviso-verifica-imu', ['/praticaEdilizia/ente']),
];
