import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { conformApiDocument } from '@interscambio/http';
import type { ThemeCatalog } from '../catalog/theme.catalog';
import type { ExchangeConfig } from '../exchange.config';
import type { ExchangeSettings } from '../exchange.settings';
import { recordPaths } from './record-paths';
import { uploadPaths } from './upload-paths';
import { asComponent, componentName } from './record-schemas';
import { batchResultSchema, scopeDescriptions, tagDescriptions } from './shared-components';

/**
 * The theme's OpenAPI 3.1 document: Nest's scan of the controllers, with the generic
 * `/records/{type}/…` operations replaced by one set per record type whose bodies are that type's
 * JSON Schema — the same schema the validator uses — made to conform by conformApiDocument.
 */
export function buildOpenApi(
  app: INestApplication,
  catalog: ThemeCatalog,
  settings: ExchangeSettings,
  config: Pick<ExchangeConfig, 'publicUrl' | 'sandboxUrl' | 'tokenUrl'>,
): OpenAPIObject {
  const builder = new DocumentBuilder().setOpenAPIVersion('3.1.0').build();
  const document = SwaggerModule.createDocument(app, builder);
  const generic = `${settings.basePath}/records/{type}`;
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => !path.startsWith(generic)));
  const schemas: Record<string, object> = { BatchResult: batchResultSchema };
  for (const info of catalog.allMajors()) schemas[componentName(info)] = asComponent(info);
  for (const info of catalog.types())
    Object.assign(paths, recordPaths(settings.basePath, info), uploadPaths(settings.basePath, info));
  const types = Object.fromEntries(catalog.types().map((t) => [t.type, `${t.title || t.type}. ${t.description}`]));
  return conformApiDocument(
    { ...document, paths },
    {
      service: settings.theme,
      title: `Interscambio — ${settings.theme}`,
      summary: `Pubblicare, leggere e seguire i record del tema ${settings.theme}.`,
      description:
        `I record del tema **${settings.theme}**: pubblicarli, leggerli, seguirne le modifiche. Gli errori sono ` +
        `RFC 9457 problem+json. Ogni chiamata, tranne catalogo, stato e documentazione, vuole un token del registry ` +
        `(OAuth2 client credentials, audience \`${settings.theme}\`); un client scrive solo i record del proprio ente ` +
        `e legge i dati aperti, i propri e quelli coperti dai suoi accordi di fruizione.\n\n` +
        `*English*: records of the ${settings.theme} theme — publish, read, follow changes. Every call but the ` +
        `catalog, status and docs needs a registry token with audience \`${settings.theme}\`.`,
      basePath: settings.basePath,
      urls: config,
      tokenUrl: config.tokenUrl,
      scopes: scopeDescriptions,
      tags: { ...tagDescriptions, ...types },
      schemas,
    },
  );
}
