import { PREVIEW_ENV } from '@interscambio/http';
import { expectConformingApi, italianGuidelinesLinter } from '@interscambio/http/testing';
import { loadRegistryConfig } from '../config/registry.config';
import { registryApiDocument } from '../registry.app';

describe("the registry's OpenAPI document", () => {
  it('has no error from the Italian API guidelines nor from Redocly recommended', async () => {
    const document = await registryApiDocument(loadRegistryConfig(PREVIEW_ENV));
    await expectConformingApi('registry', document, await italianGuidelinesLinter());
  });
});
