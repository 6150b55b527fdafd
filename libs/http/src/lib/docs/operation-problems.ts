type Parameters = { in?: string; name?: string }[];

const problem = (status: string): [string, object] => [status, { $ref: `#/components/responses/Problem${status}` }];

/**
 * The problem answers an operation can give, from what it takes: a token (401, 403), a path
 * parameter (404), a query or a body (400), a body (413, 415, 422), the rate limit (429), the
 * database (503). The operation's own responses, documented where it is declared, come on top.
 */
export function operationProblems(
  method: string,
  path: string,
  item: Record<string, unknown>,
  operation: Record<string, unknown>,
  secured: boolean,
  limited: boolean,
): Record<string, object> {
  const parameters = [
    ...((item['parameters'] ?? []) as Parameters),
    ...((operation['parameters'] ?? []) as Parameters),
  ];
  const hasBody = operation['requestBody'] !== undefined;
  const statuses = [
    ...(hasBody || parameters.some((p) => p.in === 'query' || p.in === 'path') ? ['400'] : []),
    ...(secured ? ['401', '403'] : []),
    ...(path.includes('{') ? ['404'] : []),
    ...(hasBody ? ['413', '415', '422'] : []),
    ...(parameters.some((p) => p.name?.toLowerCase() === 'if-match') ? ['412'] : []),
    ...(limited ? ['429'] : []),
    ...(method === 'options' ? [] : ['503']),
  ];
  return Object.fromEntries(statuses.map(problem));
}
