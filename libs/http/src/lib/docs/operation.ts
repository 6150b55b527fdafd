import { ApiOperation } from '@nestjs/swagger';

/**
 * An operation as the platform documents it: Italian first, as the summary that Swagger UI and the
 * portal list, and the same in English as its description, for integrators from elsewhere.
 */
export function Operation(italian: string, english: string): MethodDecorator {
  return ApiOperation({ summary: italian, description: english });
}
