import type { OpenAPIObject } from '@nestjs/swagger';

/** The document built once the app's routes exist (see createRegistryApp), served by DocsController. */
export class OpenApiHolder {
  document?: OpenAPIObject;
}
