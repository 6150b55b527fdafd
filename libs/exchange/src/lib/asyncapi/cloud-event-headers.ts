// The Kafka headers of a record event (CloudEvents 1.0, binary mode), and those a dead letter adds.
const text = (description: string, extra: object = {}): object => ({ type: 'string', description, ...extra });

export const cloudEventHeadersSchema = {
  type: 'object',
  required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time', 'ce_revision'],
  properties: {
    ce_specversion: text('Versione di CloudEvents.', { const: '1.0' }),
    ce_id: text("Identificativo dell'evento: elaborarlo una volta sola per id.", { format: 'uuid' }),
    ce_source: text("L'ente che ha scritto il record: `/enti/<codice ISTAT>`.", { examples: ['/enti/082053'] }),
    ce_type: text('`it.interscambio.<tema>.<tipo>.created|updated|deleted`.'),
    ce_subject: text('La chiave del record.'),
    ce_time: text('Quando la modifica è stata salvata.', { format: 'date-time' }),
    ce_dataschema: text('URL dello JSON Schema del record.', { format: 'uri' }),
    ce_revision: text('Estensione: la revisione del record prodotta da questa modifica.', { pattern: '^[1-9][0-9]*$' }),
    ce_visibility: text('Estensione: visibilità del tipo di record.', { enum: ['pubblico', 'riservato', 'personale'] }),
    ce_correlationid: text("Estensione: l'X-Correlation-ID della richiesta che ha causato la modifica."),
    ce_feedcursor: text(
      'Estensione: il cursore del feed del tema subito dopo questa modifica (`GET /<tema>/v1/feed?after=`, o `from` di un replay del notifier).',
      { pattern: '^[A-Za-z0-9_-]{1,96}$' },
    ),
    ce_traceparent: text('Estensione distributed tracing: il contesto W3C della richiesta.'),
    'interscambio-receipt': text('La ricevuta firmata della modifica (`<JWS>~<leaf>~<path>`).'),
    'content-type': text('`application/json`; assente in una cancellazione.', { const: 'application/json' }),
  },
};

export const deadLetterHeadersSchema = {
  ...cloudEventHeadersSchema,
  required: [...cloudEventHeadersSchema.required, 'interscambio-error', 'interscambio-consumer-group'],
  properties: {
    ...cloudEventHeadersSchema.properties,
    'interscambio-error': text("Il messaggio dell'errore (al più 2000 caratteri)."),
    'interscambio-error-class': text("La classe dell'errore."),
    'interscambio-error-code': text("Il codice dell'errore, se ne ha uno."),
    'interscambio-attempts': text('Tentativi fatti.', { pattern: '^[0-9]+$' }),
    'interscambio-failed-at': text("Quando l'ultimo tentativo è fallito.", { format: 'date-time' }),
    'interscambio-consumer-group': text('Il consumer group che non è riuscito a elaborarlo.'),
    'interscambio-original-partition': text('La partizione del messaggio originale.', { pattern: '^[0-9]+$' }),
    'interscambio-original-offset': text("L'offset del messaggio originale.", { pattern: '^[0-9]+$' }),
  },
};
