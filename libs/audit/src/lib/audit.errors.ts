/** The `audit_head` row is gone: nothing can be appended, and the trail cannot be checked against its head. */
export class AuditHeadMissingError extends Error {
  readonly code = 'audit-head-missing';

  constructor(readonly schema: string) {
    super(`The audit_head row of schema ${JSON.stringify(schema)} is missing`);
    this.name = 'AuditHeadMissingError';
  }
}

/** A page request for an audit trail that cannot be served: a cursor that is not a seq, or a bad limit. */
export class InvalidAuditPageError extends Error {
  readonly code = 'audit-page-invalid';

  constructor(problem: string) {
    super(`Invalid audit page: ${problem}`);
    this.name = 'InvalidAuditPageError';
  }
}

/** An anchor that cannot name a point of the chain: its seq is not a seq, or its hash not a hex SHA-256. */
export class InvalidAuditAnchorError extends Error {
  readonly code = 'audit-anchor-invalid';

  constructor(problem: string) {
    super(`Invalid audit anchor: ${problem}`);
    this.name = 'InvalidAuditAnchorError';
  }
}
