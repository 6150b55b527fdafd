interface OpenApiOperation {
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

/** A service's OpenAPI 3.1 document, as the tests of what it publishes read it. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes?: Record<string, unknown> };
  security?: unknown[];
  servers: { url: string; 'x-sandbox'?: boolean }[];
}
