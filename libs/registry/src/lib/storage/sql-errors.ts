import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** The one place a database constraint error is recognised: a unique index named `constraint` was violated. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof UniqueConstraintViolationException)) return false;
  const cause = error as UniqueConstraintViolationException & { constraint?: string };
  return cause.constraint === constraint || error.message.includes(`"${constraint}"`);
}
