// The registry's state topics (agreements, revocations): each event carries the whole state of one
// item, keyed by it, and every service that needs the states projects them into a table of its own.

// Compacted: the latest state of every item stays on the topic for as long as it exists, so a
// service deployed later still learns every agreement approved and every client revoked before.
const STATE_TOPIC_CONFIG: Readonly<Record<string, string>> = { 'cleanup.policy': 'compact' };

export const AGREEMENTS_TOPIC_CONFIG = STATE_TOPIC_CONFIG;
export const REVOCATIONS_TOPIC_CONFIG = STATE_TOPIC_CONFIG;

export function agreementsTopic(topicPrefix: string): string {
  return `${topicPrefix}.registry.agreements`;
}

export function revocationsTopic(topicPrefix: string): string {
  return `${topicPrefix}.registry.revocations`;
}

/** A check of a state event's data: what the data has when it fails (for the error), and the test. */
export type StateCheck = [string, (s: Record<string, unknown>) => boolean];

/** The event's data once it passes every check, or an error naming the first it fails (the event goes to the DLQ). */
export function checkedState(item: string, data: unknown, checks: StateCheck[]): Record<string, unknown> {
  if (data === null || typeof data !== 'object') throw new Error(`The ${item} event has no object as data.`);
  const failed = checks.find(([, valid]) => !valid(data as Record<string, unknown>));
  if (failed) throw new Error(`The ${item} event has ${failed[0]}.`);
  return data as Record<string, unknown>;
}
