import { grantJoinSql, visibleSql } from '../security/record-grant.sql';

// A record's history is its rows in the change log (record_change), under the same access rules as
// the record itself (record-grant.sql.ts): `$1..$3` its address, `$4` the reader's ente, `$5` the
// oldest instant kept (null: all).
const columns = 'r.revision, r.operation, r.data, r.changed_at, r.visibility, g.agreement_id, g.purpose, g.fields';

export const revisionsSql = (change: string, agreement: string): string => `
  select ${columns}
  from ${change} r ${grantJoinSql(agreement, '$4')}
  where r.type = $1 and r.ente = $2 and r.key = $3 and ${visibleSql('$4')}
    and ($5::timestamptz is null or r.changed_at >= $5)
  order by r.revision`;

/** The revision current at `$6`. */
export const asOfSql = (change: string, agreement: string): string => `
  select ${columns}
  from ${change} r ${grantJoinSql(agreement, '$4')}
  where r.type = $1 and r.ente = $2 and r.key = $3 and ${visibleSql('$4')}
    and ($5::timestamptz is null or r.changed_at >= $5) and r.changed_at <= $6
  order by r.revision desc
  limit 1`;

/** Who wrote each revision: the audit trail's write entries, sealed or not yet. */
export const writersSql = (entry: string, pending: string): string => `
  select revision, client_id, ente from ${entry}
  where record_type = $1 and record_ente = $2 and record_key = $3 and action <> 'read'
  union all
  select revision, client_id, ente from ${pending}
  where record_type = $1 and record_ente = $2 and record_key = $3 and action <> 'read'`;
