/** A command line the runner cannot act on: the message and the usage are printed, the exit status is 1. */
export class UsageError extends Error {
  constructor(problem: string, usage: string) {
    super(`${problem}\nusage: ${usage}`);
    this.name = 'UsageError';
  }
}
