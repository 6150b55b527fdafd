import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProblemError, Public } from '@interscambio/http';
import { ServiceMetrics } from '@interscambio/observability';
import type { Counter } from 'prom-client';
import type { HttpReply, HttpRequest } from '@interscambio/http';
import { FORM_MEDIA_TYPE, FormBody, mediaTypeOf } from '@interscambio/http';
import { TokenService } from './token.service';
import type { TokenResponse } from './token.service';
import { TokenRequestError } from './token.errors';

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

@ApiTags('oauth')
@Public()
@Controller('oauth')
export class TokenController {
  private readonly issued: Counter;
  private readonly refused: Counter<'code'>;

  constructor(
    private readonly tokens: TokenService,
    metrics: ServiceMetrics,
  ) {
    this.issued = metrics.counter('interscambio_tokens_issued_total', 'Access tokens the registry issued');
    this.refused = metrics.counter(
      'interscambio_tokens_refused_total',
      'Token requests the registry refused, by problem code',
      ['code'],
    );
  }

  @Post('token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Un token di accesso (client credentials, RFC 6749 §4.4)',
    description:
      'Authenticate with HTTP Basic, client_id + client_secret in the body, or a private_key_jwt assertion (RFC 7523). ' +
      'Refusals are problem+json with a precise `code` plus OAuth `error` and `error_description`.',
  })
  @ApiConsumes(FORM_MEDIA_TYPE)
  @ApiBody({ schema: { $ref: '#/components/schemas/TokenRequest' } })
  @ApiResponse({ status: 200, description: 'A token.', schema: { $ref: '#/components/schemas/TokenResponse' } })
  @ApiResponse({ status: 400, description: 'invalid_request, invalid_scope, invalid_target…', content: PROBLEM })
  @ApiResponse({ status: 401, description: 'invalid_client: the client could not be authenticated.', content: PROBLEM })
  @ApiResponse({ status: 415, description: 'The body is not a form.', content: PROBLEM })
  @ApiResponse({ status: 429, description: 'Too many token requests for this client.', content: PROBLEM })
  async token(
    @Body() body: unknown,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<TokenResponse> {
    try {
      const answer = await this.issue(body, request, reply);
      this.issued.inc();
      return answer;
    } catch (error) {
      this.refused.inc({ code: error instanceof ProblemError ? error.code : 'internal-error' });
      throw error;
    }
  }

  private async issue(body: unknown, request: HttpRequest, reply: HttpReply): Promise<TokenResponse> {
    if (!(body instanceof FormBody))
      throw new TokenRequestError(
        'unsupported-media-type',
        {
          it: `L'endpoint dei token accetta ${FORM_MEDIA_TYPE} (RFC 6749 §4.4); il corpo della richiesta è ${mediaTypeOf(body)}.`,
          en: `The token endpoint takes ${FORM_MEDIA_TYPE} (RFC 6749 §4.4); the request's body is ${mediaTypeOf(body)}.`,
        },
        { accept: FORM_MEDIA_TYPE },
      );
    const answer = await this.tokens.issue(body, request.headers.authorization);
    reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' });
    return answer;
  }
}
