import { grantJoinSql, visibleSql } from '@interscambio/exchange';

// Who may receive a record event is who may read the record: the theme services' own read rules
// (visibility, agreements, metro-wide ones, personale fields), applied to `r` (a record_event row
// or the event being fanned out) for the owner of subscription `s`. The notifier keeps every
// theme's agreements in one table, so each lookup is narrowed to the event's theme.

/** The lateral join giving `g.agreement_id` and `g.fields` for `r` read by `s.ente`. */
export const grantJoin = (agreementTable: string): string =>
  grantJoinSql(`(select * from ${agreementTable} x where x.theme = r.theme)`, 's.ente');

/** True where `s.ente` may read `r`. */
export const entitled = visibleSql('s.ente');

/**
 * True where the registry has not revoked the subscription's client nor disabled its ente: their
 * tokens are refused at the gate, and what they subscribed to is no longer sent either.
 */
export const notRevoked = (revocationTable: string): string =>
  `not exists (select from ${revocationTable} v where v.revoked
     and ((v.kind = 'client' and v.subject = s.client_id) or (v.kind = 'ente' and v.subject = s.ente)))`;
