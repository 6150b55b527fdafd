import type { Flow } from './flows/flow';
import type { ThemeRule } from './rules/theme-rule';

/** What a theme service declares about itself; everything else is the exchange's. */
export interface ThemeOptions {
  /** The theme name: the first segment of every path (`/<theme>/v1`) and of event types. */
  theme: string;
  /** The port used when PORT is not set. */
  defaultPort: number;
  /** Checks JSON Schema cannot express, run after the schema accepted a document. */
  rules?: ThemeRule[];
  /** Where the JSON Schemas live (`<dir>/<theme>/<type>/<major>.json`); the repository's by default. */
  schemasDir?: string;
  /** Reactions to other themes' records: each derives records of this theme from their events. */
  flows?: Flow[];
}

/** The resolved settings the exchange's providers share. */
export class ExchangeSettings {
  constructor(
    readonly theme: string,
    readonly topicPrefix: string,
  ) {}

  get basePath(): string {
    return `/${this.theme}/v1`;
  }
}
