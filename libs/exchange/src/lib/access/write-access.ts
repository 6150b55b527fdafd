import type { Caller } from '@interscambio/access';
import { ProblemError } from '@interscambio/http';

export class ForeignEnteError extends ProblemError {
  constructor(caller: Caller, ente: string) {
    super(
      'foreign-ente',
      403,
      'Forbidden',
      `Client ${caller.clientId} acts for ente ${caller.ente}: it cannot write records of ente ${ente}.`,
    );
  }
}

/** Nobody writes as somebody else, whatever the scopes: the ente of a write is the token's own. */
export function checkWriter(caller: Caller, ente: string): void {
  if (caller.ente !== ente) throw new ForeignEnteError(caller, ente);
}
