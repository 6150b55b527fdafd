import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { conformApiDocument } from '@interscambio/http';
import type { PublicUrls } from '@interscambio/http';
import { NOTIFIER_AUDIENCE, NOTIFIER_BASE_PATH } from '../notifier.settings';
import { subscriptionRequestSchemas } from '../subscriptions/subscription.schemas';

const TAGS: Record<string, string> = {
  subscriptions:
    'Sottoscrizioni webhook: modifiche dei record inviate come CloudEvents firmati, consegne, replay. / Webhook subscriptions.',
  status: 'Stato del servizio e sonde di liveness e readiness. / Status and probes.',
};

/**
 * OpenAPI 3.1 from Nest's scan, with the request bodies' own JSON Schemas as components, made to
 * conform to the Italian API guidelines like the themes' and the registry's documents.
 */
export function buildNotifierOpenApi(app: INestApplication, config: PublicUrls & { tokenUrl: string }): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setOpenAPIVersion('3.1.0').build());
  return conformApiDocument(document, {
    service: NOTIFIER_AUDIENCE,
    title: 'Interscambio — notifier',
    summary: 'Sottoscrizioni webhook alle modifiche dei record, consegnate firmate, in ordine e ritentate.',
    description:
      'Sottoscrizioni webhook: le modifiche dei record sono inviate con POST come CloudEvents (JSON strutturato) ' +
      'firmati secondo Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), ritentate per almeno ' +
      '24 ore, in ordine per record. Gli errori sono RFC 9457 problem+json, in italiano o in inglese secondo ' +
      'Accept-Language.\n\n*English*: webhook subscriptions — record changes POSTed as signed CloudEvents, ' +
      'retried for at least 24 h, in order per record.',
    basePath: NOTIFIER_BASE_PATH,
    urls: config,
    scopes: { subscriptions: 'Gestire webhook e feed. / Manage webhooks and feeds.' },
    tags: TAGS,
    tokenUrl: config.tokenUrl,
    schemas: Object.fromEntries(subscriptionRequestSchemas.map((schema) => [schema.title, schema])),
  });
}
