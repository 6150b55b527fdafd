/** What a client may be granted; a token carries a subset. */
export const SCOPES = ['records:read', 'records:write', 'subscriptions', 'operator', 'admin'] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
