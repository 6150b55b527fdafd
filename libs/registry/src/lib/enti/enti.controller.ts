import { Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Scopes } from '@interscambio/access';
import { JsonBody, Operation } from '@interscambio/http';
import { patchEnteSchema } from './ente.schemas';
import type { EntePatch } from './ente.schemas';
import type { EnteView } from './ente.view';
import { EntiService } from './enti.service';

@ApiTags('enti')
@Controller('enti')
export class EntiController {
  constructor(private readonly enti: EntiService) {}

  @Get()
  @Operation(
    'Gli enti (comuni e città metropolitane) per codice ISTAT; basta un token valido',
    'The enti (comuni and città metropolitane), by ISTAT code; any valid token',
  )
  @ApiQuery({ name: 'provincia', required: false, example: '082' })
  @ApiQuery({ name: 'enabled', required: false, enum: ['true', 'false'] })
  async list(
    @Query('provincia') provincia?: string,
    @Query('enabled') enabled?: string,
  ): Promise<{ items: EnteView[] }> {
    return { items: await this.enti.list({ provincia, enabled }) };
  }

  @Get(':code')
  @Operation('Un ente; basta un token valido', 'One ente; any valid token')
  get(@Param('code') code: string): Promise<EnteView> {
    return this.enti.get(code);
  }

  @Patch(':code')
  @Scopes('admin')
  @Operation(
    'Abilitare o disabilitare un ente, registrarne il codice IPA (scope admin)',
    'Enable or disable an ente, record its codice IPA (scope admin)',
  )
  patch(@Param('code') code: string, @JsonBody(patchEnteSchema) change: EntePatch): Promise<EnteView> {
    return this.enti.patch(code, change);
  }
}
