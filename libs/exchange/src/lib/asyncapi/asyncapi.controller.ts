import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@interscambio/http';

/** The AsyncAPI 3.0 document of the theme (buildAsyncApi), built once at start-up. */
export const ASYNCAPI_DOCUMENT = Symbol('ASYNCAPI_DOCUMENT');

/** The theme's topics, messages and schemas at `<base>/asyncapi.json`. */
@ApiExcludeController()
@Public()
@Controller()
export class AsyncApiController {
  constructor(@Inject(ASYNCAPI_DOCUMENT) private readonly document: object) {}

  @Get('asyncapi.json')
  asyncapi(): object {
    return this.document;
  }
}
