import type { MessageBus } from '@interscambio/messaging';
import type { ConsoleConfig, WatchedService } from './config/console.config';
import type { ConsoleDatabase } from './storage/console.database';

/** What the console's providers share. */
export class ConsoleSettings {
  constructor(
    readonly config: ConsoleConfig,
    readonly db: ConsoleDatabase,
    readonly bus: MessageBus,
    /** type → theme, from the schema catalog. */
    readonly themes: ReadonlyMap<string, string>,
  ) {}

  get topicPrefix(): string {
    return this.config.topicPrefix;
  }

  get services(): WatchedService[] {
    return this.config.services;
  }

  /** Every record topic: `<prefix>.<theme>.<type>`. */
  recordTopics(): string[] {
    return [...this.themes].map(([type, theme]) => `${this.topicPrefix}.${theme}.${type}`);
  }

  /** The themes watched that have a database schema of records. */
  themeServices(): WatchedService[] {
    const themes = new Set(this.themes.values());
    return this.services.filter((s) => themes.has(s.name));
  }
}
