import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@interscambio/access';
import { DependencyUnavailableError } from '@interscambio/http';
import { StatusService } from './status.service';
import type { RegistryStatus } from './status.service';

@ApiTags('status')
@Public()
@Controller('status')
export class StatusController {
  constructor(private readonly status: StatusService) {}

  @Get()
  @ApiOperation({ summary: '200 when PostgreSQL and Kafka answer, else 503 problem+json naming what is down' })
  async check(): Promise<RegistryStatus> {
    const status = await this.status.check();
    const down = Object.entries(status.checks).filter(([, c]) => c.status !== 'up');
    if (down.length > 0)
      throw new DependencyUnavailableError(down.map(([name, c]) => `${name}: ${c.error ?? 'down'}`).join('; '));
    return status;
  }
}
