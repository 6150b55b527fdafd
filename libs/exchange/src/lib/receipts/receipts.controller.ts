import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOAuth2, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Scopes } from '@interscambio/access';
import type { Caller, Jwk } from '@interscambio/access';
import { BadRequestError, Operation, Public } from '@interscambio/http';
import { int, rowParser, text } from '@interscambio/persistence';
import { grantJoinSql, visibleSql } from '../security/record-grant.sql';
import { ThemeCatalog } from '../catalog/theme.catalog';
import { SECURITY_SCHEME } from '../openapi/shared-components';
import { RecordNotFoundError } from '../exchange.problems';
import { checkEnte, checkKey } from '../records/record-request';
import { Database } from '../storage/database';
import { ReceiptSigner } from './receipt.signer';

const parseReceipt = rowParser('record_change', { revision: int, receipt: text });

export interface RecordReceipt {
  type: string;
  ente: string;
  key: string;
  revision: number;
  receipt: string;
}

/** The receipts of the service's writes, and the keys that verify them. */
@ApiTags('receipts')
@Controller()
export class ReceiptsController {
  constructor(
    private readonly db: Database,
    private readonly catalog: ThemeCatalog,
    private readonly signer: ReceiptSigner,
  ) {}

  @Get('.well-known/jwks.json')
  @Public()
  @Operation(
    'Le chiavi pubbliche che verificano le ricevute firmate dal servizio (EdDSA, Ed25519)',
    'The public keys that verify the receipts this service signs (EdDSA, Ed25519)',
  )
  jwks(): Promise<{ keys: Jwk[] }> {
    return this.signer.jwks();
  }

  /** As readable as the record itself: a record the caller may not see has no receipt either. */
  @Get('records/:type/:ente/:key/receipt')
  @Scopes('records:read')
  @ApiOAuth2(['records:read'], SECURITY_SCHEME)
  @Operation(
    'La ricevuta firmata di una revisione di un record (l’ultima se non indicata)',
    'The signed receipt of one revision of a record (the latest when none is named)',
  )
  @ApiQuery({ name: 'revision', required: false, schema: { type: 'integer', format: 'int32', minimum: 1 } })
  async receipt(
    @Param('type') type: string,
    @Param('ente') ente: string,
    @Param('key') key: string,
    @CurrentCaller() caller: Caller,
    @Query('revision') revision?: string,
  ): Promise<RecordReceipt> {
    this.catalog.info(type);
    checkEnte(ente);
    checkKey(key);
    if (revision !== undefined && !/^[1-9]\d{0,8}$/.test(revision))
      throw new BadRequestError('invalid-query', {
        it: 'revision deve essere un intero positivo.',
        en: 'revision must be a positive integer.',
      });
    const { rows } = await this.db.pool.query(
      `select c.revision, c.receipt
       from ${this.db.table('record')} r ${grantJoinSql(this.db.table('agreement'), '$4')}
       join ${this.db.table('record_change')} c on c.record_id = r.id and c.revision = coalesce($5::integer, r.revision)
       where r.type = $1 and r.ente = $2 and r.key = $3 and ${visibleSql('$4')} and c.receipt is not null`,
      [type, ente, key, caller.ente, revision ?? null],
    );
    if (rows[0] === undefined) throw new RecordNotFoundError();
    const found = parseReceipt(rows[0]);
    return { type, ente, key, revision: found.revision, receipt: found.receipt };
  }
}
