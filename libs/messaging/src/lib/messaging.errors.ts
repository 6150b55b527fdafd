/** A Kafka message that is not a CloudEvent 1.0 in binary mode: it cannot be handled, only dead-lettered. */
export class InvalidCloudEventError extends Error {
  readonly code = 'cloudevent-invalid';

  constructor(problem: string, options?: ErrorOptions) {
    super(`Not a valid CloudEvent: ${problem}`, options);
    this.name = 'InvalidCloudEventError';
  }
}

/** The relay could not publish some outbox rows; they stay pending and are retried. */
export class OutboxPublishError extends Error {
  readonly code = 'outbox-publish-failed';

  constructor(
    readonly pendingRows: number,
    cause: unknown,
  ) {
    super(`Outbox relay could not publish ${pendingRows} row(s): ${errorMessage(cause)}`, { cause });
    this.name = 'OutboxPublishError';
  }
}

/** A schema name that cannot be used as a PostgreSQL identifier here. */
export class InvalidSchemaNameError extends Error {
  readonly code = 'schema-name-invalid';

  constructor(readonly schema: string) {
    super(`Invalid PostgreSQL schema name: ${JSON.stringify(schema)}`);
    this.name = 'InvalidSchemaNameError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
