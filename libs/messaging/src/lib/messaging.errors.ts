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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
