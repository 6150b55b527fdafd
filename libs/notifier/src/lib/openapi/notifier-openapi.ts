import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { NOTIFIER_BASE_PATH } from '../notifier.settings';
import { subscriptionRequestSchemas } from '../subscriptions/subscription.schemas';

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { pointer: { type: 'string' }, keyword: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** OpenAPI 3.1 from Nest's scan, with the request bodies' own JSON Schemas as components. */
export function buildNotifierOpenApi(app: INestApplication, tokenUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Interscambio — notifier')
    .setDescription(
      'Webhook subscriptions: record changes POSTed as CloudEvents (structured JSON mode) with Standard Webhooks signatures (webhook-id, webhook-timestamp, webhook-signature), retried for at least 24 h, in order per record. Errors are RFC 9457 problem+json.',
    )
    .setVersion('1')
    .addOAuth2(
      {
        type: 'oauth2',
        flows: { clientCredentials: { tokenUrl, scopes: { subscriptions: 'Manage webhooks and feeds' } } },
      },
      'oauth2',
    )
    .addSecurityRequirements('oauth2')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const operation of Object.values(document.paths[`${NOTIFIER_BASE_PATH}/status`] ?? {}))
    Object.assign(operation as object, { security: [] });
  const schemas: Record<string, object> = { Problem: problemSchema };
  for (const schema of subscriptionRequestSchemas) schemas[schema.title] = schema;
  return {
    ...document,
    components: { ...document.components, schemas: { ...document.components?.schemas, ...schemas } },
  };
}
