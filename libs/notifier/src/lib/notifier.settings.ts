import type { DeliveryConfig } from './config/notifier.config';
import type { SecretCipher } from './subscriptions/secret-cipher';

export const NOTIFIER_AUDIENCE = 'notifier';
export const NOTIFIER_BASE_PATH = '/notifier/v1';

/** What the providers share: the delivery settings and the record types (theme of each) the notifier knows. */
export class NotifierSettings {
  constructor(
    readonly delivery: DeliveryConfig,
    readonly topicPrefix: string,
    /** type → theme, from the schema catalog. */
    readonly themes: ReadonlyMap<string, string>,
    /** Encrypts the signing secrets at rest (NOTIFIER_SECRET_KEY). */
    readonly secrets: SecretCipher,
  ) {}

  /** Every record topic: `<prefix>.<theme>.<type>`. */
  recordTopics(): string[] {
    return [...this.themes].map(([type, theme]) => `${this.topicPrefix}.${theme}.${type}`);
  }
}
