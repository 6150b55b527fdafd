import { randomBytes } from 'node:crypto';

/** The brokers the Jest globalSetup provisioned. */
export function testKafkaBrokers(): string[] {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers)
    throw new Error('KAFKA_BROKERS is not set: run tests through Jest, whose globalSetup starts the devstack');
  return brokers.split(',');
}

/** A name no other test file uses: topics, consumer groups and schemas stay apart between parallel runs. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
