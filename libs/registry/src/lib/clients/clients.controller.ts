import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Scopes } from '@interscambio/access';
import type { HttpReply } from '@interscambio/http';
import { JsonBody, Operation, SecretRotationRoute } from '@interscambio/http';
import { REGISTRY_BASE_PATH, RegistrySettings } from '../registry.settings';
import {
  addKeySchema,
  createClientSchema,
  DEFAULT_GRACE_SECONDS,
  patchClientSchema,
  rotateSecretSchema,
} from './client.schemas';
import type { ClientCreate, ClientKeyAdd, ClientPatch, SecretRotation } from './client.schemas';
import type { ClientKeyView, ClientView } from './client.view';
import { ClientsService } from './clients.service';
import type { IssuedSecret } from './clients.service';

@ApiTags('clients')
@Scopes('admin')
@Controller('clients')
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly settings: RegistrySettings,
  ) {}

  @Post()
  @Operation(
    'Registrare un client; un client client_secret riceve il segreto solo in questa risposta',
    'Register a client; a client_secret client gets its secret in this answer only',
  )
  async create(
    @JsonBody(createClientSchema) input: ClientCreate,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<ClientView & { clientSecret?: string }> {
    const { client, clientSecret } = await this.clients.create(input);
    reply.header('location', `${REGISTRY_BASE_PATH}/clients/${client.clientId}`);
    return { ...client, ...(clientSecret ? { clientSecret } : {}) };
  }

  @Get()
  @Operation('I client, tutti o di un ente', 'The clients, all or those of one ente')
  @ApiQuery({ name: 'ente', required: false, example: '082053' })
  async list(@Query('ente') ente?: string): Promise<{ items: ClientView[] }> {
    return { items: await this.clients.list(ente) };
  }

  @Get(':id')
  @Operation('Un client (mai il suo segreto)', 'One client (never its secret)')
  get(@Param('id') id: string): Promise<ClientView> {
    return this.clients.get(id);
  }

  @Patch(':id')
  @Operation('Modificare nome, scope o limite di un client', "Change a client's name, scopes or limit")
  update(@Param('id') id: string, @JsonBody(patchClientSchema) patch: ClientPatch): Promise<ClientView> {
    return this.clients.update(id, patch);
  }

  @SecretRotationRoute('Un nuovo segreto per il client', 'A new client secret')
  rotateSecret(
    @Param('id') id: string,
    @JsonBody(rotateSecretSchema, { optional: true }) rotation: SecretRotation,
  ): Promise<IssuedSecret> {
    return this.clients.rotateSecret(id, rotation.graceSeconds ?? DEFAULT_GRACE_SECONDS);
  }

  @Post(':id/keys')
  @Operation(
    'Registrare una chiave pubblica per private_key_jwt; kid predefinito: la sua thumbprint RFC 7638',
    'Register a public key for private_key_jwt; kid defaults to its RFC 7638 thumbprint',
  )
  addKey(@Param('id') id: string, @JsonBody(addKeySchema) key: ClientKeyAdd): Promise<ClientKeyView> {
    return this.clients.addKey(id, key.jwk);
  }

  @Delete(':id/keys/:kid')
  @HttpCode(204)
  @Operation('Togliere una chiave pubblica del client', "Remove one of the client's public keys")
  async removeKey(@Param('id') id: string, @Param('kid') kid: string): Promise<void> {
    await this.clients.removeKey(id, kid);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Operation(
    'Nessun nuovo token per il client; quelli già emessi scadono entro la loro durata',
    'No more tokens for this client; those already issued expire within the token lifetime',
  )
  async revoke(@Param('id') id: string): Promise<ClientView & { note: string }> {
    const client = await this.clients.revoke(id);
    return {
      ...client,
      note:
        `No new tokens are issued to client "${id}". Tokens it already holds stay valid until they expire, ` +
        `at most ${this.settings.tokenTtlSeconds} s after they were issued (the registry's own API refuses them at once).`,
    };
  }
}
