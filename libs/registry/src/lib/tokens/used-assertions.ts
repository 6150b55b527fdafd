import { Injectable } from '@nestjs/common';
import { RegistryDatabase } from '../storage/registry.database';
import { TokenRequestError } from './token.errors';
import { UsedAssertion } from './used-assertion.entity';

const PURGE_INTERVAL_MS = 60_000;

/** The jtis of accepted client assertions, until they expire: each assertion authenticates once. */
@Injectable()
export class UsedAssertions {
  private purgedAt = 0;

  constructor(private readonly db: RegistryDatabase) {}

  /** Records the jti; an assertion whose jti is already there is a replay. The primary key decides between concurrent ones. */
  async record(clientId: string, jti: string, expiresAt: Date, now: Date): Promise<void> {
    const em = this.db.em;
    const inserted = await em
      .createQueryBuilder(UsedAssertion)
      .insert({ clientId, jti, usedAt: now, expiresAt })
      .onConflict(['clientId', 'jti'])
      .ignore()
      .execute('run');
    if (inserted.affectedRows === 0) {
      const earlier = await em.findOne(UsedAssertion, { clientId, jti });
      const ago = earlier ? Math.max(0, Math.round((now.getTime() - earlier.usedAt.getTime()) / 1000)) : 0;
      const when = earlier
        ? {
            it: `il ${earlier.usedAt.toISOString()}, ${ago} s fa`,
            en: `at ${earlier.usedAt.toISOString()}, ${ago} s ago`,
          }
        : { it: 'in precedenza', en: 'before' };
      throw new TokenRequestError('assertion-reused', {
        it: `Un'asserzione con jti "${jti.slice(0, 80)}" è già stata usata ${when.it}: ogni asserzione richiede un jti nuovo.`,
        en: `An assertion with jti "${jti.slice(0, 80)}" was already used ${when.en}: every assertion needs a fresh jti.`,
      });
    }
    if (now.getTime() - this.purgedAt >= PURGE_INTERVAL_MS) await this.purgeExpired(now);
  }

  /** Expired assertions are refused for their exp anyway: their jtis need not be kept. */
  async purgeExpired(now: Date): Promise<number> {
    this.purgedAt = now.getTime();
    return this.db.em.nativeDelete(UsedAssertion, { expiresAt: { $lt: now } });
  }
}
