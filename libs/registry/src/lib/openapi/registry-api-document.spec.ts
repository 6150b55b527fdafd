import { expectConformingApi, italianGuidelinesLinter } from '@interscambio/http/testing';
import { loadRegistryConfig } from '../config/registry.config';
import { registryApiDocument } from '../registry.app';

describe("the registry's OpenAPI document", () => {
  it('has no error from the Italian API guidelines nor from Redocly recommended', async () => {
    // Preview mode connects to nothing: these addresses are never dialled.
    const config = loadRegistryConfig({
      DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
      KAFKA_BROKERS: '127.0.0.1:1',
      REGISTRY_KEY_SECRET: 'preview-mode-encrypts-nothing-0123456789',
    });
    await expectConformingApi('registry', await registryApiDocument(config), await italianGuidelinesLinter());
  });
});
