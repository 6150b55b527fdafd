import { Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { RegistryDatabase } from './registry.database';

/** The database is opened before the module (the token verifier needs it); the app closes it last. */
@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(private readonly db: RegistryDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
