import { Inject, Injectable } from '@nestjs/common';
import type { MessageBus } from '@interscambio/messaging';
import { PROBE_BUS } from '../messaging/bus.tokens';
import { RegistryDatabase } from '../storage/registry.database';

export interface DependencyCheck {
  status: 'up' | 'down';
  error?: string;
}

export interface RegistryStatus {
  status: 'up';
  checks: { postgres: DependencyCheck; kafka: DependencyCheck };
}

const CHECK_TIMEOUT_MS = 3000;

@Injectable()
export class StatusService {
  constructor(
    private readonly db: RegistryDatabase,
    @Inject(PROBE_BUS) private readonly bus: MessageBus,
  ) {}

  async check(): Promise<RegistryStatus> {
    const [postgres, kafka] = await Promise.all([
      probe(() => this.db.fork().execute('select 1')),
      probe(() => this.kafka()),
    ]);
    return { status: 'up', checks: { postgres, kafka } };
  }

  private async kafka(): Promise<void> {
    const admin = await this.bus.admin();
    try {
      await admin.listTopics();
    } finally {
      await admin.close();
    }
  }
}

async function probe(check: () => Promise<unknown>): Promise<DependencyCheck> {
  let timer: NodeJS.Timeout | undefined;
  const attempt = check();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([attempt, timeout]);
    return { status: 'up' };
  } catch (error) {
    // A check that lost the race may still fail later; it has already been reported as down.
    attempt.catch(() => undefined);
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
