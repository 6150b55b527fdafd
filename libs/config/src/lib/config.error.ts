/** A missing or bad environment variable: start-up stops with a message naming it. */
export class ConfigError extends Error {
  readonly code = 'config-invalid';

  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}
