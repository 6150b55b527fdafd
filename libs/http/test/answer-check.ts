export interface HttpAnswerSeen {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/**
 * What is wrong with an answer to a hostile request, as sentences (none when it is right): a 5xx
 * is wrong whatever the request; a 4xx must be RFC 9457 problem+json whose `status` is the
 * answer's and which names a `code` and a `title`. A HEAD answer has no body to look into.
 */
export function answerFaults(answer: HttpAnswerSeen, method = 'GET'): string[] {
  const { status } = answer;
  if (!Number.isInteger(status) || status < 100 || status > 599) return [`status ${status} is not an HTTP status`];
  if (status >= 500) return [`answered ${status}: ${answer.body.slice(0, 300)}`];
  if (status < 400) return [];
  const type = String(answer.headers['content-type'] ?? '');
  if (!/^application\/problem\+json\b/i.test(type))
    return [
      `answered ${status} as ${type || 'no content type'}, not application/problem+json: ${answer.body.slice(0, 200)}`,
    ];
  if (method === 'HEAD') return [];
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    return [`answered ${status} with a body that is not JSON: ${answer.body.slice(0, 200)}`];
  }
  const faults: string[] = [];
  if (problem['status'] !== status)
    faults.push(`the problem says status ${String(problem['status'])}, the answer ${status}`);
  for (const member of ['code', 'title'])
    if (typeof problem[member] !== 'string' || problem[member] === '')
      faults.push(`the ${status} problem has no ${member}`);
  return faults;
}
