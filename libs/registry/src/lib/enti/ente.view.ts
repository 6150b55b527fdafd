import type { EnteKind } from '@interscambio/enti';
import type { Ente } from './ente.entity';

export interface EnteView {
  codiceIstat: string;
  nome: string;
  kind: EnteKind;
  provincia: string;
  codiceIpa: string | null;
  enabled: boolean;
  updatedAt: string;
}

export function enteView(ente: Ente): EnteView {
  return {
    codiceIstat: ente.codiceIstat,
    nome: ente.nome,
    kind: ente.kind,
    provincia: ente.provincia,
    codiceIpa: ente.codiceIpa,
    enabled: ente.enabled,
    updatedAt: ente.updatedAt.toISOString(),
  };
}
