import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { conformApiDocument } from '@interscambio/http';
import type { PublicUrls } from '@interscambio/http';
import { requestSchemas } from '../http/request-schemas';
import { REGISTRY_AUDIENCE, REGISTRY_BASE_PATH } from '../registry.settings';
import { tokenRequestSchema, tokenResponseSchema } from '../tokens/token-request.schema';
import { responseSchemas, successSchemas } from './response-schemas';

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  'records:read': "Leggere record; chiedere accordi per l'ente del client. / Read records; request agreements.",
  'records:write': "Pubblicare i record dell'ente; decidere gli accordi in cui pubblica. / Publish; decide agreements.",
  subscriptions: 'Gestire webhook e feed. / Manage webhooks and feeds.',
  operator: 'Operatore metropolitano: decide ogni accordo, vede tutto. / Metropolitan operator.',
  admin: 'Gestire enti, client e chiavi di firma. / Manage enti, clients and signing keys.',
};

const TAGS: Record<string, string> = {
  oauth: 'Il token endpoint OAuth2 (client credentials, private_key_jwt). / The OAuth2 token endpoint.',
  keys: 'Le chiavi con cui il registry firma i token, e il JWKS. / Signing keys and the JWKS.',
  enti: 'Gli enti (comuni e città metropolitane) per codice ISTAT. / The enti by ISTAT code.',
  clients: 'I client API degli enti, i loro segreti e le loro chiavi. / API clients.',
  agreements: 'Gli accordi di fruizione tra enti e il loro ciclo di vita. / Data-sharing agreements.',
  status: 'Stato del servizio e sonde di liveness e readiness. / Status and probes.',
};

type Operation = { responses?: Record<string, object> };

/** OpenAPI 3.1 from Nest's scan, with the request bodies' own JSON Schemas and the views it answers with. */
export function buildRegistryOpenApi(app: INestApplication, urls: PublicUrls): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setOpenAPIVersion('3.1.0').build());
  for (const [path, item] of Object.entries(document.paths)) {
    const relative = path.slice(REGISTRY_BASE_PATH.length);
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation;
      const success = successSchemas[`${method.toUpperCase()} ${relative}`];
      if (success)
        operation.responses = {
          ...Object.fromEntries(Object.entries(operation.responses ?? {}).filter(([s]) => !s.startsWith('2'))),
          [success[0]]: {
            description: 'Esito. / Success.',
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${success[1]}` } } },
          },
        };
    }
  }
  const titled = [...requestSchemas, tokenRequestSchema, tokenResponseSchema];
  return conformApiDocument(document, {
    service: REGISTRY_AUDIENCE,
    title: 'Interscambio — registry',
    summary: 'Enti, client API, token OAuth2, chiavi di firma e accordi di fruizione.',
    description:
      'Il piano di controllo: enti, client API e loro token (OAuth2 client credentials, JWT RFC 9068), chiavi ' +
      'di firma (JWKS) e accordi di fruizione. Gli errori sono RFC 9457 problem+json.\n\n*English*: the control ' +
      'plane — enti, API clients and their tokens, signing keys and agreements.',
    basePath: REGISTRY_BASE_PATH,
    urls,
    scopes: SCOPE_DESCRIPTIONS,
    tags: TAGS,
    schemas: { ...responseSchemas, ...Object.fromEntries(titled.map((schema) => [schema.title, schema])) },
  });
}
