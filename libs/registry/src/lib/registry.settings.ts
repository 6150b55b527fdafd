import type { RegistryConfig } from './config/registry.config';

/** The audience of tokens for the registry's own API. */
export const REGISTRY_AUDIENCE = 'registry';
export const REGISTRY_BASE_PATH = '/registry/v1';

/** The resolved settings the registry's providers share (never the key secret). */
export class RegistrySettings {
  readonly tokenIssuer: string;
  readonly tokenTtlSeconds: number;
  readonly rateLimitPerMinute: number;
  readonly topicPrefix: string;

  constructor(config: Pick<RegistryConfig, 'tokenIssuer' | 'tokenTtlSeconds' | 'rateLimitPerMinute' | 'topicPrefix'>) {
    this.tokenIssuer = config.tokenIssuer;
    this.tokenTtlSeconds = config.tokenTtlSeconds;
    this.rateLimitPerMinute = config.rateLimitPerMinute;
    this.topicPrefix = config.topicPrefix;
  }

  get tokenUrl(): string {
    return `${REGISTRY_BASE_PATH}/oauth/token`;
  }
}
