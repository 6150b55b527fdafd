import { ISTAT_CODE_PATTERN } from '@interscambio/enti';
import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@interscambio/access';
import { BadRequestError } from '@interscambio/http';
import { SchemaCatalog } from '@interscambio/schemas';
import { v7 as uuidv7 } from 'uuid';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/registry.errors';
import { RegistrySettings } from '../registry.settings';
import { RegistryDatabase } from '../storage/registry.database';
import { isUniqueViolation } from '../storage/sql-errors';
import { appendOutboxInTransaction } from '../storage/transactional-outbox';
import { Agreement } from './agreement.entity';
import { AgreementChange } from './agreement-change.entity';
import { AgreementExistsError } from './agreement.errors';
import { agreementEvent } from '@interscambio/access';
import { checkNewAgreement } from './agreement-request';
import type { NewAgreement } from './agreement-request';
import { actionsFrom, LIVE_STATUSES, nextStatus, refusalOf } from './agreement.rules';
import type { AgreementAction } from './agreement.rules';
import { agreementState, agreementView } from './agreement.view';
import type { AgreementView } from './agreement.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILTERS = {
  consumer: new RegExp(ISTAT_CODE_PATTERN),
  publisher: new RegExp(ISTAT_CODE_PATTERN),
  theme: /^[a-z0-9-]{1,100}$/,
  type: /^[a-z0-9-]{1,100}$/,
  status: /^(requested|active|suspended|revoked|rejected)$/,
} as const;

export type AgreementFilter = Partial<Record<keyof typeof FILTERS, string>>;

/**
 * Agreements (accordi di fruizione). Every change is one transaction: the agreement row (locked,
 * so concurrent changes of one agreement queue up), a history row, and the outbox row carrying the
 * new state to the agreements topic.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly db: RegistryDatabase,
    private readonly catalog: SchemaCatalog,
    private readonly settings: RegistrySettings,
  ) {}

  async create(request: NewAgreement, caller: Caller, correlationId?: string): Promise<AgreementView> {
    await checkNewAgreement(this.db.em, this.catalog, request);
    try {
      return await this.change(async (tx) => {
        const existing = await tx.findOne(Agreement, { ...partiesOf(request), status: { $in: [...LIVE_STATUSES] } });
        if (existing) throw new AgreementExistsError(existing);
        const now = new Date();
        const agreement = tx.create(Agreement, {
          id: uuidv7(),
          ...partiesOf(request),
          purpose: request.purpose,
          fields: request.fields,
          status: 'requested',
          version: 1,
          requestedBy: caller.clientId,
          createdAt: now,
          changedAt: now,
        });
        const change = tx.create(AgreementChange, {
          agreementId: agreement.id,
          version: 1,
          fromStatus: null,
          toStatus: 'requested',
          byClient: caller.clientId,
          byEnte: caller.ente,
          reason: null,
          at: now,
        });
        await tx.flush();
        await this.publish(tx, agreement, correlationId);
        return agreementView(agreement, [change]);
      });
    } catch (error) {
      // Two identical requests at once: the unique index lets one in, the other finds it.
      if (!isUniqueViolation(error, 'agreement_live_unique')) throw error;
      const existing = await this.db
        .fork()
        .findOne(Agreement, { ...partiesOf(request), status: { $in: [...LIVE_STATUSES] } });
      throw existing ? new AgreementExistsError(existing) : error;
    }
  }

  async transition(
    id: string,
    action: AgreementAction,
    caller: Caller,
    reason?: string,
    correlationId?: string,
  ): Promise<AgreementView> {
    this.checkId(id);
    return this.change(async (tx) => {
      const agreement = await tx.findOne(Agreement, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!agreement) throw notFound(id);
      const refusal = refusalOf(caller, agreement, action);
      if (refusal) throw new ForbiddenError('agreement-forbidden', refusal);
      const to = nextStatus(agreement.status, action);
      if (!to) {
        const possible = actionsFrom(agreement.status);
        throw new ConflictError('agreement-transition-not-allowed', {
          it: `L'accordo ${id} è ${agreement.status}: non può fare ${action}. ${possible.length > 0 ? `Da ${agreement.status} può fare ${possible.join(', ')}.` : `${agreement.status} è uno stato finale.`}`,
          en: `Agreement ${id} is ${agreement.status}: it cannot ${action}. ${possible.length > 0 ? `From ${agreement.status} it can ${possible.join(', ')}.` : `${agreement.status} is final.`}`,
        });
      }
      const from = agreement.status;
      const now = new Date();
      agreement.status = to;
      agreement.version += 1;
      agreement.changedAt = now;
      tx.create(AgreementChange, {
        agreementId: id,
        version: agreement.version,
        fromStatus: from,
        toStatus: to,
        byClient: caller.clientId,
        byEnte: caller.ente,
        reason: reason ?? null,
        at: now,
      });
      await tx.flush();
      await this.publish(tx, agreement, correlationId);
      return agreementView(
        agreement,
        await tx.find(AgreementChange, { agreementId: id }, { orderBy: { version: 'asc' } }),
      );
    });
  }

  /** The parties see their own agreements; operators and admins see all. */
  async list(filter: AgreementFilter, caller: Caller): Promise<AgreementView[]> {
    const where: FilterQuery<Agreement> = {};
    for (const [name, pattern] of Object.entries(FILTERS) as [keyof typeof FILTERS, RegExp][]) {
      const value = filter[name];
      if (value === undefined) continue;
      if (!pattern.test(value))
        throw new BadRequestError('invalid-query', {
          it: `${name} "${value.slice(0, 80)}" non è valido.`,
          en: `${name} "${value.slice(0, 80)}" is not valid.`,
        });
      Object.assign(where, { [name]: value });
    }
    const visible = seesAll(caller)
      ? where
      : { $and: [where, { $or: [{ consumer: caller.ente }, { publisher: caller.ente }] }] };
    const agreements = await this.db.em.find(Agreement, visible, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return agreements.map((a) => agreementView(a));
  }

  async get(id: string, caller: Caller): Promise<AgreementView> {
    this.checkId(id);
    const agreement = await this.db.em.findOne(Agreement, { id });
    if (!agreement) throw notFound(id);
    if (!seesAll(caller) && caller.ente !== agreement.consumer && caller.ente !== agreement.publisher)
      throw new ForbiddenError('agreement-not-visible', {
        it: `L'accordo ${id} è visibile al suo consumer (${agreement.consumer}), al suo publisher (${agreement.publisher}), agli operatori e agli amministratori; il client "${caller.clientId}" agisce per l'ente ${caller.ente}.`,
        en: `Agreement ${id} is visible to its consumer (${agreement.consumer}), its publisher (${agreement.publisher}), operators and admins; client "${caller.clientId}" acts for ente ${caller.ente}.`,
      });
    const history = await this.db.em.find(AgreementChange, { agreementId: id }, { orderBy: { version: 'asc' } });
    return agreementView(agreement, history);
  }

  /** One agreement change in one transaction; once it committed, the relay is told its event is waiting. */
  private async change<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.db.em.transactional(work);
    this.db.changes.committed();
    return result;
  }

  private async publish(tx: EntityManager, agreement: Agreement, correlationId?: string): Promise<void> {
    const event = agreementEvent(agreementState(agreement), this.settings.topicPrefix, correlationId);
    await appendOutboxInTransaction(tx, this.db.schema, [event]);
  }

  private checkId(id: string): void {
    if (!UUID.test(id)) throw notFound(id);
  }
}

function partiesOf(request: NewAgreement): Pick<Agreement, 'consumer' | 'scope' | 'publisher' | 'theme' | 'type'> {
  return {
    consumer: request.consumer,
    scope: request.scope,
    publisher: request.publisher,
    theme: request.theme,
    type: request.type,
  };
}

function seesAll(caller: Caller): boolean {
  return caller.scopes.has('operator') || caller.scopes.has('admin');
}

function notFound(id: string): NotFoundError {
  return new NotFoundError('agreement-not-found', {
    it: `Nessun accordo ha l'id "${id.slice(0, 80)}".`,
    en: `No agreement has the id "${id.slice(0, 80)}".`,
  });
}
