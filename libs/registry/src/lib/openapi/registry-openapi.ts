import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { requestSchemas } from '../http/request-schemas';
import { REGISTRY_BASE_PATH } from '../registry.settings';
import { tokenRequestSchema, tokenResponseSchema } from '../tokens/token-request.schema';

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  'records:read': "Read records; request agreements for the client's ente",
  'records:write': "Publish the ente's records; decide agreements where the ente publishes",
  subscriptions: 'Manage webhooks and feeds',
  operator: 'Metropolitan operator: decide any agreement, see everything',
  admin: 'Manage enti, clients and signing keys',
};

// Answered without a token (the AccessGuard's @Public routes).
const PUBLIC_PATHS = ['/oauth/token', '/.well-known/jwks.json', '/status'].map((p) => `${REGISTRY_BASE_PATH}${p}`);

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; token endpoint refusals also carry RFC 6749 error and error_description.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable code, e.g. wrong-client-secret.' },
    error: { type: 'string', description: 'Token endpoint only: the RFC 6749 §5.2 error code.' },
    error_description: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { pointer: { type: 'string' }, keyword: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** OpenAPI 3.1 from Nest's scan, with the request bodies' own JSON Schemas as components and OAuth2 client credentials. */
export function buildRegistryOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Interscambio — registry')
    .setDescription(
      'The control plane: enti, API clients and their tokens (OAuth2 client credentials, RFC 9068 JWTs), signing keys (JWKS) and agreements. Errors are RFC 9457 problem+json.',
    )
    .setVersion('1')
    .addOAuth2(
      {
        type: 'oauth2',
        flows: { clientCredentials: { tokenUrl: `${REGISTRY_BASE_PATH}/oauth/token`, scopes: SCOPE_DESCRIPTIONS } },
      },
      'oauth2',
    )
    .addSecurityRequirements('oauth2')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const path of PUBLIC_PATHS)
    for (const operation of Object.values(document.paths[path] ?? {}))
      Object.assign(operation as object, { security: [] });
  const schemas: Record<string, object> = { Problem: problemSchema };
  for (const schema of [...requestSchemas, tokenRequestSchema, tokenResponseSchema]) schemas[schema.title] = schema;
  return {
    ...document,
    components: { ...document.components, schemas: { ...document.components?.schemas, ...schemas } },
  };
}
