import { PREVIEW_ENV } from '@interscambio/http';
import { expectConformingApi, italianGuidelinesLinter } from '@interscambio/http/testing';
import { loadNotifierConfig } from '../config/notifier.config';
import { notifierApiDocument } from '../notifier.app';

describe("the notifier's OpenAPI document", () => {
  it('has no error from the Italian API guidelines nor from Redocly recommended', async () => {
    const document = await notifierApiDocument(loadNotifierConfig(PREVIEW_ENV));
    await expectConformingApi('notifier', document, await italianGuidelinesLinter());
  });
});
