// What every service's OpenAPI document shares: the problem schema, the headers every answer
// carries and the error answers, each with an example. Referenced from operations, never repeated.

const int32 = (description: string, minimum = 0): object => ({
  description,
  schema: { type: 'integer', format: 'int32', minimum },
});

export const problemSchema = {
  type: 'object',
  description:
    'Errore secondo RFC 9457 (problem details), con `code` stabile e, per gli errori di validazione, ' +
    "l'elenco dei problemi con il loro JSON pointer. / RFC 9457 problem details.",
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri-reference', examples: ['urn:interscambio:problem:validation-failed'] },
    title: { type: 'string', maxLength: 200 },
    status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599 },
    detail: { type: 'string', maxLength: 4000 },
    instance: { type: 'string', maxLength: 2000 },
    code: { type: 'string', description: 'Codice stabile, leggibile da una macchina. / Stable machine-readable code.' },
    correlationId: {
      type: 'string',
      description: "L'X-Correlation-ID della richiesta. / The request's correlation id.",
    },
    error: { type: 'string', description: 'Solo endpoint dei token: il codice RFC 6749 §5.2.' },
    error_description: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['pointer', 'keyword', 'message'],
        properties: {
          pointer: { type: 'string', description: 'RFC 6901 JSON pointer nel documento.' },
          keyword: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
  examples: [
    {
      type: 'urn:interscambio:problem:validation-failed',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Il documento non rispetta lo schema del tipo di record.',
      code: 'validation-failed',
      correlationId: '6f1c2d0e-58a4-4a39-9d7e-3b1f0c2a9e11',
      errors: [{ pointer: '/importo', keyword: 'type', message: 'must be number' }],
    },
  ],
};

/** Headers of every answer, as components that responses reference. */
export const apiHeaders = {
  'X-RateLimit-Limit': int32('Richieste consentite nella finestra corrente. / Requests allowed in the window.'),
  'X-RateLimit-Remaining': int32('Richieste rimaste nella finestra corrente. / Requests left in the window.'),
  'X-RateLimit-Reset': int32('Secondi al rinnovo della finestra. / Seconds until the window resets.'),
  'Retry-After': int32('Secondi da attendere prima di riprovare. / Seconds to wait before retrying.'),
  'Cache-Control': {
    description:
      'Le risposte delle API non vanno conservate in cache: `no-store` (possono contenere dati riservati o ' +
      'personali e cambiano a ogni revisione; usare ETag e If-None-Match per rileggere). ' +
      '/ API answers are `no-store`; revalidate with ETag and If-None-Match.',
    schema: { type: 'string', examples: ['no-store'] },
  },
};

export const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

const problemExample = (status: number, code: string, title: string, detail: string): object => ({
  value: { type: `urn:interscambio:problem:${code}`, title, status, detail, code },
});

const PROBLEMS: Record<string, [string, string, string, string]> = {
  '400': [
    'Richiesta malformata (ente, chiave, JSON o query).',
    'invalid-query',
    'Bad request',
    'limit must be an integer from 1 to 1000.',
  ],
  '401': [
    'Token assente o non valido; `code` e `detail` dicono perché.',
    'token-expired',
    'Unauthorized',
    'The access token expired 12 s ago.',
  ],
  '403': [
    'Il token non ha lo scope richiesto, o scrive per un ente che non è il proprio.',
    'foreign-ente',
    'Forbidden',
    'Client sandbox-082053 writes only for ente 082053.',
  ],
  '404': [
    'Risorsa sconosciuta, o che il chiamante non può vedere.',
    'not-found',
    'Not found',
    'No record posizione-debitoria/082053/PD-1.',
  ],
  '409': [
    'In conflitto con lo stato attuale della risorsa.',
    'conflict',
    'Conflict',
    'The agreement is already active.',
  ],
  '412': [
    'If-Match non corrisponde alla revisione attuale.',
    'revision-mismatch',
    'Precondition failed',
    'The record is at revision 3, not 2.',
  ],
  '413': [
    'Corpo della richiesta troppo grande.',
    'body-too-large',
    'Payload too large',
    'The body is over 2097152 bytes.',
  ],
  '415': [
    'Il corpo non è del media type atteso.',
    'unsupported-media-type',
    'Unsupported media type',
    'The body must be application/json.',
  ],
  '422': [
    'Il documento non rispetta lo schema; `errors` elenca ogni problema.',
    'validation-failed',
    'Unprocessable Content',
    'The document does not match the schema.',
  ],
  '429': [
    'Oltre il limite di richieste: riprovare dopo `Retry-After` secondi.',
    'rate-limited',
    'Too many requests',
    'Over 1200 requests a minute: retry in 14 s.',
  ],
  '503': [
    'Il database non risponde: riprovare dopo `Retry-After` secondi; nulla è stato salvato.',
    'dependency-unavailable',
    'Service unavailable',
    'The database does not answer right now: retry in a few seconds.',
  ],
};

/** `components.responses`: one problem answer per status, named `Problem<status>`. */
export function problemResponses(withRateLimit: (status: string) => object): Record<string, object> {
  return Object.fromEntries(
    Object.entries(PROBLEMS).map(([status, [description, code, title, detail]]) => [
      `Problem${status}`,
      {
        description,
        headers: withRateLimit(status),
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            examples: { [code]: problemExample(Number(status), code, title, detail) },
          },
        },
      },
    ]),
  );
}
