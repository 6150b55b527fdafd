// Read access in SQL, so lists and the feed page over what the caller may see (no gaps, no leaks).
// `r` is a row of record or record_change, `caller` the parameter holding the caller's ente.

/**
 * A lateral join giving `g.agreement_id`, `g.purpose` and `g.fields`: the active agreement through
 * which the caller reads `r`, when it needs one (not pubblico, not its own). A one-publisher
 * agreement wins over a metro-wide one, which covers every ente of its città metropolitana (same
 * province code). The registry already refuses a personale agreement without a purpose or without
 * fields, and a metro-wide one not granted by a città metropolitana (code <province>000); the
 * service does not trust that alone. `g.fields` (JSON pointers) is what the reader may see of `r`.
 */
export const grantJoinSql = (agreement: string, caller: string): string => `
  left join lateral (
    select a.id as agreement_id, a.purpose, a.fields
    from ${agreement} a
    where r.visibility <> 'pubblico' and r.ente <> ${caller}
      and a.status = 'active' and a.consumer = ${caller} and a.type = r.type
      and (r.visibility <> 'personale' or (a.purpose is not null and a.fields is not null))
      and ((a.scope = 'ente' and a.publisher = r.ente)
        or (a.scope = 'metro' and right(a.publisher, 3) = '000' and left(a.publisher, 3) = left(r.ente, 3)))
    order by a.scope = 'ente' desc
    limit 1) g on true`;

/** True where the caller may read `r`: open data, its own records, or through an agreement. */
export const visibleSql = (caller: string): string =>
  `(r.visibility = 'pubblico' or r.ente = ${caller} or g.agreement_id is not null)`;
