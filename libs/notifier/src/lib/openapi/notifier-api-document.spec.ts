import { expectConformingApi, italianGuidelinesLinter } from '@interscambio/http/testing';
import { loadNotifierConfig } from '../config/notifier.config';
import { notifierApiDocument } from '../notifier.app';

describe("the notifier's OpenAPI document", () => {
  it('has no error from the Italian API guidelines nor from Redocly recommended', async () => {
    // Preview mode connects to nothing: these addresses are never dialled.
    const config = loadNotifierConfig({
      DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
      KAFKA_BROKERS: '127.0.0.1:1',
      TOKEN_JWKS_URL: 'http://127.0.0.1:1/jwks',
      NOTIFIER_SECRET_KEY: 'preview-mode-encrypts-nothing-0123456789',
    });
    await expectConformingApi('notifier', await notifierApiDocument(config), await italianGuidelinesLinter());
  });
});
