import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Scopes } from '@interscambio/access';
import type { Caller } from '@interscambio/access';
import type { HttpReply } from '@interscambio/http';
import { DELIVERY_STATUSES, DeliveriesService } from '../delivery/deliveries.service';
import type { DeliveryView } from '../delivery/deliveries.service';
import { ReplayService } from '../delivery/replay.service';
import { JsonBody, Operation, SecretRotationRoute } from '@interscambio/http';
import { NOTIFIER_BASE_PATH } from '../notifier.settings';
import {
  createSubscriptionSchema,
  replaySchema,
  rotateSecretSchema,
  updateSubscriptionSchema,
} from './subscription.schemas';
import type { ReplayRequest, SecretRotation, SubscriptionInput, SubscriptionRequest } from './subscription.schemas';
import { InvalidDeliveryStatusError } from './subscription.errors';
import type { SubscriptionView } from './subscription.view';
import { SubscriptionsService } from './subscriptions.service';

@ApiTags('subscriptions')
@Scopes('subscriptions')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly deliveries: DeliveriesService,
    private readonly replays: ReplayService,
  ) {}

  @Post()
  @Operation(
    "Sottoscrivere le modifiche dei record per l'ente del chiamante; il segreto di firma si vede solo qui",
    "Subscribe the caller's ente to record changes; the answer holds the signing secret, shown only here. " +
      'The subscription is called about the changes saved after it was created, even when their event ' +
      'reaches the notifier later; earlier changes are asked for with a replay.',
  )
  async create(
    @JsonBody(createSubscriptionSchema) input: SubscriptionRequest,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<SubscriptionView & { secret: string }> {
    const created = await this.subscriptions.create(input, caller);
    reply.header('location', `${NOTIFIER_BASE_PATH}/subscriptions/${created.id}`);
    return created;
  }

  @Get()
  @Operation("Le sottoscrizioni dell'ente del chiamante", "The subscriptions of the caller's ente")
  async list(@CurrentCaller() caller: Caller): Promise<{ items: SubscriptionView[] }> {
    return { items: await this.subscriptions.list(caller) };
  }

  @Get(':id')
  @Operation(
    'Una sottoscrizione: stato (active, paused, failing, expired) e contatori',
    'One subscription: status (active, paused, failing, expired) and counters',
  )
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<SubscriptionView> {
    return this.subscriptions.get(id, caller);
  }

  @Patch(':id')
  @Operation('Modificare, sospendere o riprendere una sottoscrizione', 'Change, pause or resume a subscription')
  update(
    @Param('id') id: string,
    @JsonBody(updateSubscriptionSchema) change: SubscriptionInput,
    @CurrentCaller() caller: Caller,
  ): Promise<SubscriptionView> {
    return this.subscriptions.update(id, change, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation(
    'Eliminare una sottoscrizione e le sue consegne in attesa',
    'Delete a subscription and its pending deliveries',
  )
  async remove(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.subscriptions.remove(id, caller);
  }

  @SecretRotationRoute('Ruotare il segreto di firma', 'Rotate the signing secret')
  rotate(
    @Param('id') id: string,
    @JsonBody(rotateSecretSchema, { optional: true }) rotation: SecretRotation,
    @CurrentCaller() caller: Caller,
  ): Promise<{ secret: string; previousSecretValidUntil: string }> {
    return this.subscriptions.rotateSecret(id, rotation.graceSeconds, caller);
  }

  @Post(':id/replay')
  @HttpCode(202)
  @Operation(
    "Inviare di nuovo gli eventi passati dopo un istante, un evento ricevuto o un punto del feed di un tema, come l'ente li può vedere oggi",
    "Send again the past events after a time, a received event or a place in a theme's feed, as the owner may see them today",
  )
  replay(
    @Param('id') id: string,
    @JsonBody(replaySchema) request: ReplayRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<{ queued: number }> {
    return this.replays.replay(id, request, caller);
  }

  @Get(':id/deliveries')
  @Operation(
    'Le ultime consegne di una sottoscrizione; status=dead elenca le sue dead letter',
    'The latest deliveries of a subscription; status=dead lists its dead letters',
  )
  @ApiQuery({ name: 'status', required: false, enum: DELIVERY_STATUSES })
  async listDeliveries(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Query('status') status?: string,
  ): Promise<{ items: DeliveryView[] }> {
    if (status !== undefined && !(DELIVERY_STATUSES as readonly string[]).includes(status))
      throw new InvalidDeliveryStatusError(DELIVERY_STATUSES);
    return { items: await this.deliveries.list(id, status, caller) };
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Operation('Rimettere una dead letter in coda', 'Put a dead letter back in its queue')
  async redeliver(
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<{ redelivering: string }> {
    await this.deliveries.redeliver(id, deliveryId, caller);
    return { redelivering: deliveryId };
  }
}
