import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@interscambio/access';
import type { IssueDetail } from '@interscambio/http';
import { NotifierSettings } from '../notifier.settings';
import { NotifierDatabase } from '../storage/notifier.database';
import { callbackUrlProblem, resolveCallbackHost } from './callback-url';
import { filterIssues } from './record-filter';
import { SubscriptionInvalidError, SubscriptionNotFoundError } from './subscription.errors';
import type { SubscriptionInput } from './subscription.schemas';
import { subscriptionView } from './subscription.view';
import type { SubscriptionRow, SubscriptionView } from './subscription.view';

const ALL_TRIGGERS = ['created', 'updated', 'deleted'];

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
const newSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

/** Subscriptions belong to the caller's ente: every query names it, so another ente's do not exist for it. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly db: NotifierDatabase,
    private readonly settings: NotifierSettings,
  ) {}

  async create(input: SubscriptionInput, caller: Caller): Promise<SubscriptionView & { secret: string }> {
    await this.check(input);
    const secret = newSecret();
    const id = randomUUID();
    const { rows } = await this.db.pool.query<SubscriptionRow>(
      `insert into subscription (id, ente, client_id, types, publishers, filter, triggers, callback_url, secret, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
      [
        id,
        caller.ente,
        caller.clientId,
        input.types,
        input.publishers ?? null,
        input.filter ? JSON.stringify(input.filter) : null,
        input.triggers ?? ALL_TRIGGERS,
        input.callbackUrl,
        this.settings.secrets.encrypt(secret, id),
        input.expiresAt ?? null,
      ],
    );
    return { ...subscriptionView(rows[0] as SubscriptionRow), secret };
  }

  async list(caller: Caller): Promise<SubscriptionView[]> {
    const { rows } = await this.db.pool.query<SubscriptionRow>(
      'select * from subscription where ente = $1 order by created_at, id',
      [caller.ente],
    );
    return rows.map(subscriptionView);
  }

  async get(id: string, caller: Caller): Promise<SubscriptionView> {
    return subscriptionView(await this.row(id, caller));
  }

  /** The row, if `id` is a subscription of the caller's ente. */
  async row(id: string, caller: Caller): Promise<SubscriptionRow> {
    const { rows } = await this.db.pool.query<SubscriptionRow>(
      'select * from subscription where id = $1 and ente = $2',
      [isUuid(id) ? id : '00000000-0000-0000-0000-000000000000', caller.ente],
    );
    if (!rows[0]) throw new SubscriptionNotFoundError();
    return rows[0];
  }

  async update(id: string, input: SubscriptionInput, caller: Caller): Promise<SubscriptionView> {
    await this.row(id, caller);
    await this.check(input);
    const resume = input.status === 'active';
    const { rows } = await this.db.pool.query<SubscriptionRow>(
      `update subscription set
         types = coalesce($3, types),
         publishers = case when $4::boolean then $5 else publishers end,
         filter = case when $6::boolean then $7::jsonb else filter end,
         triggers = coalesce($8, triggers),
         callback_url = coalesce($9, callback_url),
         expires_at = case when $10::boolean then $11::timestamptz else expires_at end,
         paused = coalesce($12, paused),
         paused_reason = case when $12 is null then paused_reason when $12 then 'paused by its owner' else null end,
         consecutive_failures = case when $13::boolean then 0 else consecutive_failures end,
         updated_at = now()
       where id = $1 and ente = $2 returning *`,
      [
        id,
        caller.ente,
        input.types ?? null,
        'publishers' in input,
        input.publishers ?? null,
        'filter' in input,
        input.filter ? JSON.stringify(input.filter) : null,
        input.triggers ?? null,
        input.callbackUrl ?? null,
        'expiresAt' in input,
        input.expiresAt ?? null,
        input.status === undefined ? null : input.status === 'paused',
        resume,
      ],
    );
    if (!rows[0]) throw new SubscriptionNotFoundError();
    return subscriptionView(rows[0]);
  }

  async remove(id: string, caller: Caller): Promise<void> {
    await this.row(id, caller);
    await this.db.pool.query('delete from subscription where id = $1 and ente = $2', [id, caller.ente]);
  }

  /** A new secret; the old one still signs (beside it) for `graceSeconds`, so receivers can switch without a gap. */
  async rotateSecret(
    id: string,
    graceSeconds: number | undefined,
    caller: Caller,
  ): Promise<{ secret: string; previousSecretValidUntil: string }> {
    await this.row(id, caller);
    const grace = graceSeconds ?? this.settings.delivery.secretGraceSeconds;
    const secret = newSecret();
    const { rows } = await this.db.pool.query<{ until: Date }>(
      `update subscription set previous_secret = secret, secret = $3,
         previous_secret_until = now() + make_interval(secs => $4), updated_at = now()
       where id = $1 and ente = $2 returning previous_secret_until as until`,
      [id, caller.ente, this.settings.secrets.encrypt(secret, id), grace],
    );
    if (!rows[0]) throw new SubscriptionNotFoundError();
    return { secret, previousSecretValidUntil: rows[0].until.toISOString() };
  }

  /** What JSON Schema cannot tell: known types, a usable filter, a callback the notifier may call. */
  private async check(input: SubscriptionInput): Promise<void> {
    const issues: IssueDetail[] = [];
    (input.types ?? []).forEach((type, i) => {
      if (!this.settings.themes.has(type))
        issues.push({
          pointer: `/types/${i}`,
          keyword: 'enum',
          message: `${type} is not a record type of the platform`,
        });
    });
    if (input.filter) issues.push(...filterIssues(input.filter, '/filter'));
    if (input.expiresAt && new Date(input.expiresAt) <= new Date())
      issues.push({ pointer: '/expiresAt', keyword: 'minimum', message: 'must be in the future' });
    if (input.callbackUrl !== undefined) {
      const sandbox = this.settings.delivery.sandbox;
      const problem = callbackUrlProblem(input.callbackUrl, sandbox);
      const resolved = problem ? null : await resolveCallbackHost(new URL(input.callbackUrl).hostname, sandbox);
      const refusal = problem ?? (resolved && 'refused' in resolved ? resolved.refused : null);
      if (refusal) issues.push({ pointer: '/callbackUrl', keyword: 'format', message: refusal });
    }
    if (issues.length > 0) throw new SubscriptionInvalidError(issues);
  }
}

function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
