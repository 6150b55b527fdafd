import { Inject, Injectable } from '@nestjs/common';
import { DUMMY_HASH, OperatorAccounts, verifyPassword } from '@interscambio/access';
import type { LoginOutcome, OperatorAuthenticator } from './operator-authenticator';

/** The operators' accounts, in the registry's schema (CONSOLE_REGISTRY_SCHEMA). */
export const OPERATOR_ACCOUNTS = Symbol('OPERATOR_ACCOUNTS');

// Five wrong passwords lock the account for 15 minutes (AgID's and OWASP's usual advice): slow
// enough against guessing, short enough that an operator is not shut out of an incident for long.
export const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

/** An e-mail and a password, checked against the account the registry keeps. */
@Injectable()
export class PasswordAuthenticator implements OperatorAuthenticator {
  readonly method = 'password' as const;

  constructor(@Inject(OPERATOR_ACCOUNTS) private readonly accounts: OperatorAccounts) {}

  async authenticate({ email, password }: { email: string; password: string }): Promise<LoginOutcome> {
    const account = await this.accounts.byEmail(email);
    // Spent on an unknown e-mail too, so the answer's timing does not tell which accounts exist.
    const matches = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
    if (!account) return { ok: false, reason: 'invalid' };
    if (account.locked_until && account.locked_until > new Date())
      return { ok: false, reason: 'locked', lockedUntil: account.locked_until };
    if (!matches || !account.password_hash) {
      const lockedUntil = await this.accounts.recordFailure(account.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
    }
    await this.accounts.recordSuccess(account.id);
    return { ok: true, operator: { id: account.id, email: account.email, displayName: account.display_name } };
  }
}
