import { TokenVerifier } from '@interscambio/access';
import type { AccessToken } from '@interscambio/access';
import { ProblemError } from '@interscambio/http';
import type { Text } from '@interscambio/http';
import { ApiClient } from '../clients/api-client.entity';
import { Ente } from '../enti/ente.entity';
import type { KeyRing } from '../keys/key-ring';
import { REGISTRY_AUDIENCE } from '../registry.settings';
import type { RegistryDatabase } from '../storage/registry.database';

/** A valid token whose client was revoked, or whose ente was disabled, after it was issued. */
class TokenWithdrawnError extends ProblemError {
  constructor(code: 'token-client-revoked' | 'token-ente-disabled', detail: Text) {
    super(code, 401, { it: 'Non autenticato', en: 'Unauthorized' }, detail, undefined, {
      'www-authenticate': 'Bearer realm="interscambio", error="invalid_token"',
    });
  }
}

/**
 * Tokens for the registry's own API: verified offline like any service does, then checked against
 * the registry's own records, so a revoked client or a disabled ente loses the control plane at
 * once instead of when its token expires.
 */
export class RegistryTokenVerifier {
  private readonly verifier: TokenVerifier;

  constructor(
    keys: KeyRing,
    issuer: string,
    private readonly db: RegistryDatabase,
  ) {
    this.verifier = new TokenVerifier({ keys, issuer, audience: REGISTRY_AUDIENCE });
  }

  async verify(token: string): Promise<AccessToken> {
    const access = await this.verifier.verify(token);
    const em = this.db.fork();
    const client = await em.findOne(ApiClient, { id: access.clientId }, { fields: ['id', 'revokedAt', 'ente'] });
    if (!client || client.revokedAt)
      throw new TokenWithdrawnError(
        'token-client-revoked',
        client?.revokedAt
          ? {
              it: `Il client "${access.clientId}" è stato revocato il ${client.revokedAt.toISOString()}: i suoi token sono rifiutati.`,
              en: `Client "${access.clientId}" was revoked at ${client.revokedAt.toISOString()}: its tokens are refused.`,
            }
          : {
              it: `Il client "${access.clientId}" non esiste più: i suoi token sono rifiutati.`,
              en: `Client "${access.clientId}" no longer exists: its tokens are refused.`,
            },
      );
    const ente = await em.findOne(Ente, { codiceIstat: access.ente }, { fields: ['codiceIstat', 'enabled'] });
    if (!ente?.enabled)
      throw new TokenWithdrawnError('token-ente-disabled', {
        it: `L'ente ${access.ente} è disabilitato sulla piattaforma: i token dei suoi client sono rifiutati.`,
        en: `Ente ${access.ente} is disabled on the platform: its clients' tokens are refused.`,
      });
    return access;
  }
}
