/** Who is signed in to the console. */
export interface Operator {
  id: string;
  email: string;
  displayName: string;
}

export type LoginOutcome =
  { ok: true; operator: Operator } | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: Date };

/**
 * How the console learns who an operator is. Today an e-mail and a password, checked against the
 * account the registry keeps (PasswordAuthenticator); an OIDC provider (SPID/CIE through a federation
 * broker) implements the same after its callback, mapping the verified `sub` to the `subject` of the
 * registry's account.
 */
export interface OperatorAuthenticator {
  readonly method: 'password' | 'oidc';
  authenticate(credentials: { email: string; password: string }): Promise<LoginOutcome>;
}

export const OPERATOR_AUTHENTICATOR = Symbol('OPERATOR_AUTHENTICATOR');
