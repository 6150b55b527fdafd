/** Shorter runs of a random secret could turn up by chance; 12 characters of one cannot. */
const RUN = 12;

/**
 * The names of the `secrets` that show in `text`, whole or as any run of 12 of their characters:
 * a message that quotes the start of a token or a secret leaks it as surely as one that quotes it
 * all. Names, not values, so that a failing test does not print the secret once more.
 */
export function secretsIn(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => runsOf(secret).some((run) => text.includes(run)))
    .map(([name]) => name);
}

function runsOf(secret: string): string[] {
  if (secret.length <= RUN) return [secret];
  return Array.from({ length: secret.length - RUN + 1 }, (_, i) => secret.slice(i, i + RUN));
}
