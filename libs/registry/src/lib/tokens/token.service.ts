import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PostgresRateLimiter, signToken } from '@interscambio/access';
import type { JwtClaims } from '@interscambio/access';
import { SchemaCatalog } from '@interscambio/schemas';
import type { ApiClient } from '../clients/api-client.entity';
import { verifySecret } from '../clients/secret-hash';
import type { FormBody } from '@interscambio/http';
import { KeyRing } from '../keys/key-ring';
import { REGISTRY_AUDIENCE, RegistrySettings } from '../registry.settings';
import { assertedClientId, readAssertion, verifyAssertion } from './client-assertion';
import { readClientCredentials } from './client-credentials';
import type { ClientCredentials } from './client-credentials';
import { TokenClients } from './token-clients';
import type { TokenClient } from './token-clients';
import { checkGrantType, grantedScopes, requestedAudiences } from './token-request';
import { TokenRequestError } from './token.errors';
import { UsedAssertions } from './used-assertions';

/** RFC 6749 §5.1 */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** The client credentials grant (RFC 6749 §4.4): RFC 9068 access tokens, signed with the active key. */
@Injectable()
export class TokenService {
  private readonly audiences: string[];

  constructor(
    private readonly settings: RegistrySettings,
    private readonly keys: KeyRing,
    private readonly clients: TokenClients,
    private readonly usedAssertions: UsedAssertions,
    private readonly limiter: PostgresRateLimiter,
    catalog: SchemaCatalog,
  ) {
    // The notifier verifies tokens for its own audience (NOTIFIER_AUDIENCE of libs/notifier, which the
    // registry may not import): without it no client could manage its webhook subscriptions.
    this.audiences = [REGISTRY_AUDIENCE, 'notifier', ...catalog.themes()];
  }

  async issue(form: FormBody, authorization: string | undefined): Promise<TokenResponse> {
    checkGrantType(form);
    const credentials = readClientCredentials(form, authorization);
    const now = new Date();
    const { client, ente } = await this.authenticate(credentials, now);
    if (client.revokedAt)
      throw new TokenRequestError('client-revoked', {
        it: `Il client "${client.id}" è stato revocato il ${client.revokedAt.toISOString()}: non riceve più token. Chiedere un nuovo client all'amministratore del registro.`,
        en: `Client "${client.id}" was revoked at ${client.revokedAt.toISOString()}: it gets no more tokens. Ask the registry's admin for a new client.`,
      });
    if (!ente?.enabled)
      throw new TokenRequestError('ente-disabled', {
        it: `L'ente ${client.ente}${ente ? ` (${ente.nome})` : ''}, per cui agisce il client "${client.id}", è disabilitato sulla piattaforma: i suoi client non ricevono token.`,
        en: `Ente ${client.ente}${ente ? ` (${ente.nome})` : ''}, for which client "${client.id}" acts, is disabled on the platform: its clients get no tokens.`,
      });
    const audiences = requestedAudiences(form, this.audiences);
    const scopes = grantedScopes(form, client.id, client.scopes);
    return this.sign(client, audiences, scopes, now);
  }

  private async authenticate(credentials: ClientCredentials, now: Date): Promise<TokenClient> {
    if (credentials.method !== 'private_key_jwt') {
      const found = await this.clients.load(credentials.clientId);
      await this.limit(found.client);
      if (found.client.authentication !== 'client_secret')
        throw new TokenRequestError('client-has-no-secret', {
          it: `Il client "${found.client.id}" non ha un segreto: si autentica con private_key_jwt (un'asserzione firmata con la sua chiave).`,
          en: `Client "${found.client.id}" has no secret: it authenticates with private_key_jwt (a client assertion signed with its key).`,
        });
      await this.checkSecret(found.client, credentials.secret, now);
      return found;
    }
    const claims = readAssertion(credentials.assertion);
    const id = await assertedClientId(claims, credentials.clientId, (candidate) => this.clients.exists(candidate));
    const found = await this.clients.load(id, "assertion's iss");
    await this.limit(found.client);
    if (found.client.authentication !== 'private_key_jwt')
      throw new TokenRequestError('client-uses-client-secret', {
        it: `Il client "${id}" si autentica con il suo segreto (HTTP Basic o client_secret nel corpo), non con un'asserzione.`,
        en: `Client "${id}" authenticates with its client secret (HTTP Basic or client_secret in the body), not with an assertion.`,
      });
    const verified = await verifyAssertion(claims, id, found.keys, this.settings.tokenIssuer, now.getTime() / 1000);
    await this.usedAssertions.record(id, verified.jti, new Date(verified.expiresAt * 1000), now);
    return found;
  }

  private async checkSecret(client: ApiClient, secret: string, now: Date): Promise<void> {
    if (client.secretHash && (await verifySecret(secret, client.secretHash))) return;
    const previous = client.previousSecretHash;
    if (previous && (await verifySecret(secret, previous))) {
      const until = client.previousSecretExpiresAt;
      if (until && until > now) return;
      throw new TokenRequestError('wrong-client-secret', {
        it: `Questo è il segreto precedente del client "${client.id}", sostituito il ${client.secretSetAt?.toISOString()}; non vale più dal ${until?.toISOString()}. Usare il segreto attuale.`,
        en: `This is the previous secret of client "${client.id}", replaced at ${client.secretSetAt?.toISOString()}; it stopped working at ${until?.toISOString()}. Use the current secret.`,
      });
    }
    throw new TokenRequestError('wrong-client-secret', {
      it: `Il segreto non corrisponde a quello attuale del client "${client.id}", impostato il ${client.secretSetAt?.toISOString() ?? '(data ignota)'}.`,
      en: `The secret does not match the current secret of client "${client.id}", set at ${client.secretSetAt?.toISOString() ?? 'no time'}.`,
    });
  }

  /** Counted before the secret or assertion is checked: guessing costs the guesser the client's whole budget. */
  private async limit(client: ApiClient): Promise<void> {
    const decision = await this.limiter.take(`token:${client.id}`, client.rateLimit ?? undefined);
    if (!decision.allowed)
      throw new TokenRequestError(
        'rate-limited',
        {
          it: `Il client "${client.id}" può chiedere ${decision.limit} token ogni ${this.limiter.windowSeconds} s; riprovare tra ${decision.resetSeconds} s.`,
          en: `Client "${client.id}" may request ${decision.limit} tokens every ${this.limiter.windowSeconds} s; try again in ${decision.resetSeconds} s.`,
        },
        { 'retry-after': String(decision.resetSeconds) },
      );
  }

  private async sign(client: ApiClient, audiences: string[], scopes: string[], now: Date): Promise<TokenResponse> {
    const key = await this.keys.signer();
    const iat = Math.floor(now.getTime() / 1000);
    const ttl = this.settings.tokenTtlSeconds;
    const claims: JwtClaims = {
      iss: this.settings.tokenIssuer,
      sub: client.id,
      client_id: client.id,
      aud: audiences.length === 1 ? audiences[0] : audiences,
      ente: client.ente,
      scope: scopes.join(' '),
      iat,
      exp: iat + ttl,
      jti: randomUUID(),
      ...(client.rateLimit === null ? {} : { rate_limit: client.rateLimit }),
    };
    return {
      access_token: await signToken(key, claims, 'at+jwt'),
      token_type: 'Bearer',
      expires_in: ttl,
      scope: scopes.join(' '),
    };
  }
}
