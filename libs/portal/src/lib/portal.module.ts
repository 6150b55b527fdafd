import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemFilter } from '@interscambio/http';
import type { PortalConfig } from './config/portal.config';
import { PortalCatalog } from './portal.catalog';
import { PortalController } from './portal.controller';

@Module({})
export class PortalModule {
  static forRoot(config: PortalConfig): DynamicModule {
    return {
      module: PortalModule,
      controllers: [PortalController],
      providers: [
        { provide: PortalCatalog, useFactory: () => new PortalCatalog(config) },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
