export { JwtError, type JwtErrorReason } from './lib/tokens/jwt.error';
export {
  decodeJwt,
  type DecodedJwt,
  type JwtClaims,
  type JwtHeader,
  type SigningAlgorithm,
  type VerifyAlgorithm,
} from './lib/tokens/jwt';
export { signToken, signTokenSync, verifySignature } from './lib/tokens/jwt.signature';
export { checkTimes } from './lib/tokens/jwt.times';
export { importPublicJwk, publicJwk, type Jwk } from './lib/tokens/jwk';
export { exportPrivateJwk, generateSigningKey, importSigningKey, type SigningKey } from './lib/tokens/signing-key';
export { JwksClient, type JwksClientOptions, type KeySource } from './lib/tokens/key-source';
export { TokenVerifier, type TokenVerifierOptions } from './lib/tokens/token.verifier';
export type { AccessToken } from './lib/tokens/access-token';
export { OperatorAccounts, type OperatorAccount } from './lib/operators/operator-accounts';
export { operatorMigrations } from './lib/operators/operator.migrations';
export { DUMMY_HASH, verifyPassword } from './lib/operators/operator-password';
export { RateLimiter, type RateDecision, type RateLimiterOptions } from './lib/limits/rate-limiter';
export type { RateCounter } from './lib/limits/rate-counter';
export { PostgresRateLimiter, type PostgresRateLimiterOptions } from './lib/limits/postgres-rate.limiter';
export { rateLimitMigrations } from './lib/limits/rate-limit.migrations';
export { AccessModule, type AccessOptions, type SharedAccessState } from './lib/guard/access.module';
export { createGatedApp, listenGatedApp, type GatedAppOptions } from './lib/guard/gated-app';
export { Scopes } from './lib/guard/access.decorators';
export { CurrentCaller, verifiedCaller, type Caller, type CallerRequest } from './lib/guard/caller';
export { accessConfig, DEFAULT_TOKEN_ISSUER, type AccessConfig } from './lib/guard/access.config';
export { isScope, SCOPES, type Scope } from './lib/guard/scopes';
export type { AgreementScope, AgreementState, AgreementStatus } from './lib/agreements/agreement.contract';
export { agreementEvent } from './lib/agreements/agreement.event';
export type { RevocationState } from './lib/revocations/revocation.contract';
export { revocationEvent } from './lib/revocations/revocation.event';
export {
  AGREEMENTS_TOPIC_CONFIG,
  agreementsTopic,
  REVOCATIONS_TOPIC_CONFIG,
  revocationsTopic,
} from './lib/states/registry-state';
export { agreementsProjection, revocationsProjection, type StateTable } from './lib/states/state-projection';
export { RevocationSet, type RevocationCheck } from './lib/revocations/revocation.set';
export { RevocationsReloader } from './lib/revocations/revocations.reloader';
export { RevocationTableMigration } from './lib/revocations/revocation-table.migration';
