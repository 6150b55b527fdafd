import { Controller, Get, Query } from '@nestjs/common';
import { ApiOAuth2, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SECURITY_SCHEME } from '../openapi/shared-components';
import { CurrentCaller, Scopes } from '@interscambio/access';
import type { Caller } from '@interscambio/access';
import { readAudit, verifyAudit } from '@interscambio/audit';
import type { AuditEntry, AuditVerification } from '@interscambio/audit';
import { BadRequestError, Operation, ProblemError } from '@interscambio/http';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { decodeCursor, encodeCursor } from '../feed/cursor';
import { limitOf } from '../feed/query-params';
import { checkEnte, checkKey } from '../records/record-request';
import { Database } from '../storage/database';
import { AuditAnchors } from './audit-anchors';
import { AuditSealerLifecycle } from './audit-sealer.lifecycle';

export interface AuditTrail {
  items: AuditEntry[];
  next: string | null;
}

class NotTheAuditorError extends ProblemError {
  constructor(caller: Caller, ente: string) {
    super(
      'audit-not-yours',
      403,
      { it: 'Accesso negato', en: 'Forbidden' },
      {
        it: `Solo l'ente che pubblica (${ente}) o un operatore vede la traccia di questo record; il client ${caller.clientId} agisce per ${caller.ente}.`,
        en: `Only the publishing ente (${ente}) or an operator sees this record's trail; client ${caller.clientId} acts for ${caller.ente}.`,
      },
    );
  }
}

/** Who wrote and who read a record, and whether the service's trail is still intact. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly sealer: AuditSealerLifecycle,
    private readonly anchors: AuditAnchors,
  ) {}

  @Get()
  @Scopes('records:read', 'operator')
  @ApiOAuth2(['records:read', 'operator'], SECURITY_SCHEME)
  @Operation(
    'La traccia di audit di un record, dalla più vecchia: ogni scrittura e ogni lettura tracciata',
    "One record's trail, oldest first: every write and every audited read",
  )
  @ApiQuery({ name: 'record', required: true, description: '`<type>/<ente>/<key>`', example: 'tipo/082053/chiave' })
  @ApiQuery({
    name: 'cursor',
    required: false,
    description: 'Il `next` della pagina precedente. / The previous `next`.',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  async trail(
    @CurrentCaller() caller: Caller,
    @Query('record') record?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ): Promise<AuditTrail> {
    const [type = '', ente = '', ...rest] = (record ?? '').split('/');
    const key = rest.join('/');
    if (!record || !key)
      throw new BadRequestError('invalid-query', {
        it: 'record deve essere `<tipo>/<ente>/<chiave>`.',
        en: 'record must be `<type>/<ente>/<key>`.',
      });
    this.catalog.info(type);
    checkEnte(ente);
    checkKey(key);
    if (caller.ente !== ente && !caller.scopes.has('operator')) throw new NotTheAuditorError(caller, ente);
    const after = decodeCursor(cursor);
    // Entries are chained shortly after their write commits: everything committed so far is shown.
    await this.sealer.sealNow();
    const page = await readAudit(
      this.db.pool,
      this.db.schema,
      { recordType: type, recordEnte: ente, recordKey: key },
      { after: after === 0n ? undefined : String(after), limit: limitOf(limit) },
    );
    return { items: page.items, next: page.next === null ? null : encodeCursor(page.next) };
  }

  @Get('verify')
  @Scopes('operator')
  @ApiOAuth2(['operator'], SECURITY_SCHEME)
  @Operation(
    "Ricalcola la catena di hash della traccia e la confronta con l'ultima ancora; indica la prima voce rotta",
    'Recomputes the hash chain of the trail and checks it against its latest anchor; names the first broken entry',
  )
  async verify(): Promise<AuditVerification> {
    await this.sealer.sealNow();
    return verifyAudit(this.db.pool, this.db.schema, { anchor: this.anchors.latest() });
  }
}
