/**
 * The environment a service's configuration needs in Nest's preview mode, to build its OpenAPI
 * document: preview mode connects to nothing, so these addresses are never dialled and the secrets
 * encrypt and sign nothing.
 */
export const PREVIEW_ENV = {
  DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
  KAFKA_BROKERS: '127.0.0.1:1',
  TOKEN_JWKS_URL: 'http://127.0.0.1:1/jwks.json',
  RECEIPT_KEY_SECRET: 'preview-mode-signs-nothing-at-all-0123456789',
  REGISTRY_KEY_SECRET: 'preview-mode-encrypts-nothing-at-all-012345',
  NOTIFIER_SECRET_KEY: 'preview-mode-encrypts-no-secret-at-all-0123',
};
