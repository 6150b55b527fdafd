import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ThemeCatalog } from '../catalog/theme.catalog';
import type { ExchangeSettings } from '../exchange.settings';
import { recordPaths } from './record-paths';
import { asComponent, componentName } from './record-schemas';
import { batchResultSchema, problemSchema } from './shared-components';

/**
 * The theme's OpenAPI 3.1 document: Nest's scan of the controllers, with the generic
 * `/records/{type}/…` operations replaced by one set per record type whose bodies are that type's
 * JSON Schema — the same schema the validator uses.
 */
export function buildOpenApi(app: INestApplication, catalog: ThemeCatalog, settings: ExchangeSettings): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`Interscambio — ${settings.theme}`)
    .setDescription(
      `Records of the ${settings.theme} theme: publish, read, follow changes. Errors are RFC 9457 problem+json.`,
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const generic = `${settings.basePath}/records/{type}`;
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => !path.startsWith(generic)));
  const schemas: Record<string, object> = { Problem: problemSchema, BatchResult: batchResultSchema };
  for (const info of catalog.allMajors()) schemas[componentName(info)] = asComponent(info);
  for (const info of catalog.types()) Object.assign(paths, recordPaths(settings.basePath, info));
  return {
    ...document,
    paths,
    components: { ...document.components, schemas: { ...document.components?.schemas, ...schemas } },
  } as OpenAPIObject;
}
