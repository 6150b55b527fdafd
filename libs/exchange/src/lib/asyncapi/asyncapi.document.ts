import type { RecordTypeInfo } from '@interscambio/schemas';
import { API_VERSION } from '@interscambio/http';
import { asComponent, componentName } from '../openapi/record-schemas';
import { cloudEventHeadersSchema, deadLetterHeadersSchema } from './cloud-event-headers';

export interface AsyncApiSettings {
  theme: string;
  topicPrefix: string;
  kafkaBrokers: string[];
}

const KAFKA_BINDING = '0.5.0';

/**
 * The theme's AsyncAPI 3.0 document, from the same JSON Schemas as the OpenAPI one: a channel per
 * record type (`<prefix>.<theme>.<type>`, key `<ente>/<key>`) and one for its dead letters, each
 * message a binary-mode CloudEvent whose payload is the type's schema (null for a deletion).
 */
export function buildAsyncApi(settings: AsyncApiSettings, types: RecordTypeInfo[]): object {
  const channels: Record<string, object> = {};
  const operations: Record<string, object> = {};
  const messages: Record<string, object> = {};
  const schemas: Record<string, object> = {
    CloudEventHeaders: cloudEventHeadersSchema,
    DeadLetterHeaders: deadLetterHeadersSchema,
  };
  for (const info of types) {
    const name = componentName(info);
    const topic = `${settings.topicPrefix}.${settings.theme}.${info.type}`;
    schemas[name] = asComponent(info);
    messages[name] = recordMessage(info, name, 'CloudEventHeaders');
    messages[`${name}DeadLetter`] = {
      ...recordMessage(info, name, 'DeadLetterHeaders'),
      title: `${info.title || info.type}: evento non elaborato (DLQ)`,
    };
    for (const [id, address, message, description] of [
      [name, topic, name, `Ogni modifica di un record ${info.type}, in ordine per record.`],
      [
        `${name}DeadLetter`,
        `${topic}.dlq`,
        `${name}DeadLetter`,
        'Gli eventi che un consumer non è riuscito a elaborare.',
      ],
    ] as const) {
      channels[id] = {
        address,
        description,
        messages: { [message]: { $ref: `#/components/messages/${message}` } },
        bindings: { kafka: { topic: address, bindingVersion: KAFKA_BINDING } },
      };
      operations[`receive${id}`] = {
        action: 'receive',
        summary: `Ricevere da ${address}`,
        channel: { $ref: `#/channels/${id}` },
        messages: [{ $ref: `#/channels/${id}/messages/${message}` }],
        bindings: {
          kafka: {
            groupId: { type: 'string', description: 'Il consumer group del ricevente: ognuno il proprio.' },
            bindingVersion: KAFKA_BINDING,
          },
        },
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: `Interscambio — ${settings.theme} (eventi)`,
      version: API_VERSION,
      description:
        `Gli eventi del tema **${settings.theme}** su Kafka: CloudEvents 1.0 in modalità binaria (attributi negli ` +
        `header \`ce_*\`, il record come valore, null per una cancellazione). Chiave \`<ente>/<key>\`: le modifiche ` +
        `di un record restano in ordine. Ogni consumer usa il proprio consumer group ed elabora ogni evento una ` +
        `volta per \`ce_id\`.\n\n*English*: the ${settings.theme} theme's events on Kafka, binary-mode CloudEvents.`,
      contact: {
        name: 'Città Metropolitana di Palermo — piattaforma Interscambio',
        url: 'https://www.cittametropolitana.pa.it',
      },
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    defaultContentType: 'application/json',
    servers: Object.fromEntries(
      settings.kafkaBrokers.map((host, i) => [
        `broker${i + 1}`,
        { host, protocol: 'kafka', description: 'Broker Kafka della piattaforma (sandbox: npm start).' },
      ]),
    ),
    channels,
    operations,
    components: { messages, schemas },
  };
}

function recordMessage(info: RecordTypeInfo, name: string, headers: string): object {
  return {
    name,
    title: `${info.title || info.type} (v${info.major})`,
    summary: `Creato, aggiornato o cancellato: un record ${info.type}, visibilità ${info.visibility}.`,
    contentType: 'application/json',
    headers: { $ref: `#/components/schemas/${headers}` },
    payload: { oneOf: [{ $ref: `#/components/schemas/${name}` }, { type: 'null' }] },
    bindings: {
      kafka: {
        key: { type: 'string', pattern: '^[0-9]{6}/.+$', description: '`<ente>/<key>` del record.' },
        bindingVersion: KAFKA_BINDING,
      },
    },
    ...(info.examples.length > 0 ? { examples: [{ name: 'esempio', payload: info.examples[0] }] } : {}),
  };
}
