import { Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Scopes } from '@interscambio/access';
import { JsonBody } from '@interscambio/http';
import { patchEnteSchema } from './ente.schemas';
import type { EntePatch } from './ente.schemas';
import type { EnteView } from './ente.view';
import { EntiService } from './enti.service';

@ApiTags('enti')
@Controller('enti')
export class EntiController {
  constructor(private readonly enti: EntiService) {}

  @Get()
  @ApiOperation({
    summary: 'Gli enti (comuni e città metropolitane) per codice ISTAT; basta un token valido',
    description: 'The enti (comuni and città metropolitane), by ISTAT code; any valid token',
  })
  @ApiQuery({ name: 'provincia', required: false, example: '082' })
  @ApiQuery({ name: 'enabled', required: false, enum: ['true', 'false'] })
  async list(
    @Query('provincia') provincia?: string,
    @Query('enabled') enabled?: string,
  ): Promise<{ items: EnteView[] }> {
    return { items: await this.enti.list({ provincia, enabled }) };
  }

  @Get(':code')
  @ApiOperation({ summary: 'Un ente; basta un token valido', description: 'One ente; any valid token' })
  get(@Param('code') code: string): Promise<EnteView> {
    return this.enti.get(code);
  }

  @Patch(':code')
  @Scopes('admin')
  @ApiOperation({
    summary: 'Abilitare o disabilitare un ente, registrarne il codice IPA (scope admin)',
    description: 'Enable or disable an ente, record its codice IPA (scope admin)',
  })
  patch(@Param('code') code: string, @JsonBody(patchEnteSchema) change: EntePatch): Promise<EnteView> {
    return this.enti.patch(code, change);
  }
}
