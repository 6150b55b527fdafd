import type { OpenAPIObject } from '@nestjs/swagger';

/** The document built once the app's routes exist (before app.init), served by DocsController. */
export class OpenApiHolder {
  document?: OpenAPIObject;
}
