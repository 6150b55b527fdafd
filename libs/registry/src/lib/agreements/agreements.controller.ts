import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Scopes } from '@interscambio/access';
import type { Caller } from '@interscambio/access';
import type { HttpReply, HttpRequest } from '@interscambio/http';
import { NotFoundError } from '../http/registry.errors';
import { JsonBody, Operation } from '@interscambio/http';
import { REGISTRY_BASE_PATH } from '../registry.settings';
import { consumerOf } from './agreement-request';
import { AGREEMENT_ACTIONS } from './agreement.rules';
import type { AgreementAction } from './agreement.rules';
import { agreementActionSchema, createAgreementSchema } from './agreement.schemas';
import type { AgreementActionBody, AgreementRequest } from './agreement.schemas';
import type { AgreementView } from './agreement.view';
import { AgreementsService } from './agreements.service';

/**
 * A transition's `:action` must be one of AGREEMENT_ACTIONS. Checked in a guard because guards run
 * before pipes: the action is known before the body is validated, so an unknown one answers 404
 * whatever the body says.
 */
class KnownAction implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { action } = context.switchToHttp().getRequest<{ params: { action: string } }>().params;
    if ((AGREEMENT_ACTIONS as readonly string[]).includes(action)) return true;
    throw new NotFoundError('unknown-action', {
      it: `"${action.slice(0, 40)}" non è un'azione; le azioni sono ${AGREEMENT_ACTIONS.join(', ')}.`,
      en: `"${action.slice(0, 40)}" is not an action; the actions are ${AGREEMENT_ACTIONS.join(', ')}.`,
    });
  }
}

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Post()
  @Scopes('records:read', 'operator', 'admin')
  @Operation(
    "Chiedere un accordo per leggere i record di un tipo di un altro ente (il fruitore è l'ente del chiamante)",
    "Request an agreement to read another ente's records of one type (the consumer is the caller's ente)",
  )
  async create(
    @JsonBody(createAgreementSchema) input: AgreementRequest,
    @CurrentCaller() caller: Caller,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<AgreementView> {
    const agreement = await this.agreements.create(
      {
        consumer: consumerOf(input.consumer, caller),
        scope: input.scope ?? 'ente',
        publisher: input.publisher,
        theme: input.theme,
        type: input.type,
        purpose: input.purpose ?? null,
        fields: input.fields ? [...input.fields] : null,
      },
      caller,
      request.id,
    );
    reply.header('location', `${REGISTRY_BASE_PATH}/agreements/${agreement.id}`);
    return agreement;
  }

  @Get()
  @Operation(
    'Accordi: le parti vedono i propri, operatori e amministratori tutti',
    'Agreements: the parties see theirs, operators and admins all',
  )
  @ApiQuery({ name: 'consumer', required: false })
  @ApiQuery({ name: 'publisher', required: false })
  @ApiQuery({ name: 'theme', required: false })
  @ApiQuery({ name: 'type', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['requested', 'active', 'suspended', 'revoked', 'rejected'] })
  async list(
    @CurrentCaller() caller: Caller,
    @Query('consumer') consumer?: string,
    @Query('publisher') publisher?: string,
    @Query('theme') theme?: string,
    @Query('type') type?: string,
    @Query('status') status?: string,
  ): Promise<{ items: AgreementView[] }> {
    return { items: await this.agreements.list({ consumer, publisher, theme, type, status }, caller) };
  }

  @Get(':id')
  @Operation('Un accordo con la sua storia', 'One agreement with its history')
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<AgreementView> {
    return this.agreements.get(id, caller);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @Operation(
    'Decidere un accordo: approve | reject | suspend | resume | revoke',
    'The publisher (records:write) or an operator decides a one-publisher agreement, an operator a metro-wide one; the consumer may revoke its own.',
  )
  @ApiParam({ name: 'action', enum: AGREEMENT_ACTIONS })
  @UseGuards(KnownAction)
  transition(
    @Param('id') id: string,
    @Param('action') action: AgreementAction,
    @JsonBody(agreementActionSchema, { optional: true }) { reason }: AgreementActionBody,
    @CurrentCaller() caller: Caller,
    @Req() request: HttpRequest,
  ): Promise<AgreementView> {
    return this.agreements.transition(id, action, caller, reason, request.id);
  }
}
