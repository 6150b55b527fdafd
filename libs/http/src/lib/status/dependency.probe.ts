export interface DependencyCheck {
  status: 'up' | 'down';
  error?: string;
}

const CHECK_TIMEOUT_MS = 3000;

/** Up when `check` resolves within the timeout; a status page must answer in seconds, whatever hangs. */
export async function probe(check: () => Promise<unknown>, timeoutMs = CHECK_TIMEOUT_MS): Promise<DependencyCheck> {
  let timer: NodeJS.Timeout | undefined;
  const attempt = check();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([attempt, timeout]);
    return { status: 'up' };
  } catch (error) {
    // A check that lost the race may still fail later; it has already been reported as down.
    attempt.catch(() => undefined);
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
