import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ThemeCatalog } from '../catalog/theme.catalog';
import type { ExchangeSettings } from '../exchange.settings';
import { recordPaths } from './record-paths';
import { uploadPaths } from './upload-paths';
import { asComponent, componentName } from './record-schemas';
import {
  batchResultSchema,
  problemSchema,
  rateLimitHeaders,
  retryAfterHeader,
  scopeDescriptions,
  SECURITY_SCHEME,
} from './shared-components';

type Operation = { responses?: Record<string, { headers?: object }> };

/** Every answer carries the rate-limit headers, a 429 also Retry-After: documented on each response. */
function withRateLimitHeaders(paths: Record<string, object>): Record<string, object> {
  const operation = (op: Operation): Operation => ({
    ...op,
    responses: Object.fromEntries(
      Object.entries(op.responses ?? {}).map(([status, response]) => [
        status,
        {
          ...response,
          headers: { ...response.headers, ...rateLimitHeaders, ...(status === '429' ? retryAfterHeader : {}) },
        },
      ]),
    ),
  });
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([name, value]) => [
          name,
          name === 'parameters' ? value : operation(value as Operation),
        ]),
      ),
    ]),
  );
}

/**
 * The theme's OpenAPI 3.1 document: Nest's scan of the controllers, with the generic
 * `/records/{type}/…` operations replaced by one set per record type whose bodies are that type's
 * JSON Schema — the same schema the validator uses.
 */
export function buildOpenApi(
  app: INestApplication,
  catalog: ThemeCatalog,
  settings: ExchangeSettings,
  tokenUrl: string,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`Interscambio — ${settings.theme}`)
    .setDescription(
      `Records of the ${settings.theme} theme: publish, read, follow changes. Errors are RFC 9457 problem+json. ` +
        `Every call but the catalog, status and docs needs a bearer token from the registry (OAuth2 client ` +
        `credentials, audience \`${settings.theme}\`); a client writes only its own ente's records and reads ` +
        `open data, its own records and what its agreements cover.`,
    )
    .setVersion('1')
    .addOAuth2(
      { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: scopeDescriptions } } },
      SECURITY_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const generic = `${settings.basePath}/records/{type}`;
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => !path.startsWith(generic)));
  const schemas: Record<string, object> = { Problem: problemSchema, BatchResult: batchResultSchema };
  for (const info of catalog.allMajors()) schemas[componentName(info)] = asComponent(info);
  for (const info of catalog.types())
    Object.assign(paths, recordPaths(settings.basePath, info), uploadPaths(settings.basePath, info));
  return {
    ...document,
    paths: withRateLimitHeaders(paths),
    components: { ...document.components, schemas: { ...document.components?.schemas, ...schemas } },
  } as OpenAPIObject;
}
