export { JwtError } from './lib/tokens/jwt.error';
export type { JwtErrorReason } from './lib/tokens/jwt.error';
export { decodeJwt } from './lib/tokens/jwt';
export type { DecodedJwt, JwtClaims, JwtHeader, SigningAlgorithm, VerifyAlgorithm } from './lib/tokens/jwt';
export { signToken, signTokenSync, verifySignature } from './lib/tokens/jwt.signature';
export { checkTimes } from './lib/tokens/jwt.times';
export { importPublicJwk, publicJwk } from './lib/tokens/jwk';
export type { Jwk } from './lib/tokens/jwk';
export { exportPrivateJwk, generateSigningKey, importSigningKey } from './lib/tokens/signing-key';
export type { SigningKey } from './lib/tokens/signing-key';
export { JwksClient } from './lib/tokens/key-source';
export type { JwksClientOptions, KeySource } from './lib/tokens/key-source';
export { TokenVerifier } from './lib/tokens/token.verifier';
export type { TokenVerifierOptions } from './lib/tokens/token.verifier';
export type { AccessToken } from './lib/tokens/access-token';
export { OperatorAccounts } from './lib/operators/operator-accounts';
export type { OperatorAccount } from './lib/operators/operator-accounts';
export { operatorMigrations } from './lib/operators/operator.migrations';
export { DUMMY_HASH, verifyPassword } from './lib/operators/operator-password';
export { RateLimiter } from './lib/limits/rate-limiter';
export type { RateDecision, RateLimiterOptions } from './lib/limits/rate-limiter';
export type { RateCounter } from './lib/limits/rate-counter';
export { PostgresRateLimiter } from './lib/limits/postgres-rate.limiter';
export type { PostgresRateLimiterOptions } from './lib/limits/postgres-rate.limiter';
export { rateLimitMigrations } from './lib/limits/rate-limit.migrations';
export { AccessModule } from './lib/guard/access.module';
export type { AccessOptions, SharedAccessState } from './lib/guard/access.module';
export { createGatedApp, initGatedApp, listenGatedApp } from './lib/guard/gated-app';
export type { GatedAppOptions } from './lib/guard/gated-app';
export { AccessGuard } from './lib/guard/access.guard';
export { AccessGate } from './lib/guard/access.gate';
export type { AccessTokenVerifier, GateRequest } from './lib/guard/access.gate';
export { Scopes } from './lib/guard/access.decorators';
export { CurrentCaller } from './lib/guard/caller';
export { verifiedCaller } from './lib/guard/caller';
export type { Caller, CallerRequest } from './lib/guard/caller';
export {
  InsufficientScopeError,
  KeysUnavailableError,
  RateLimitedError,
  TokenMissingError,
  TokenRejectedError,
} from './lib/guard/access.errors';
export { accessConfig, DEFAULT_TOKEN_ISSUER } from './lib/guard/access.config';
export type { AccessConfig } from './lib/guard/access.config';
export { isScope, SCOPES } from './lib/guard/scopes';
export type { Scope } from './lib/guard/scopes';
export { agreementEventType, parseAgreementState } from './lib/agreements/agreement.contract';
export type { AgreementScope, AgreementState, AgreementStatus } from './lib/agreements/agreement.contract';
export { agreementEvent } from './lib/agreements/agreement.event';
export { parseRevocationState, REVOCATION_KINDS, revocationKey } from './lib/revocations/revocation.contract';
export type { RevocationKind, RevocationState } from './lib/revocations/revocation.contract';
export { revocationEvent } from './lib/revocations/revocation.event';
export {
  AGREEMENTS_TOPIC_CONFIG,
  agreementsTopic,
  REVOCATIONS_TOPIC_CONFIG,
  revocationsTopic,
} from './lib/states/registry-state';
export { agreementsProjection, revocationsProjection } from './lib/states/state-projection';
export type { StateTable } from './lib/states/state-projection';
export { RevocationSet } from './lib/revocations/revocation.set';
export { RevocationsReloader } from './lib/revocations/revocations.reloader';
export { RevocationTableMigration } from './lib/revocations/revocation-table.migration';
export type { RevocationCheck } from './lib/revocations/revocation.set';
