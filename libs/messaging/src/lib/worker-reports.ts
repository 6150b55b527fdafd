/**
 * How a service's background worker (the outbox relay, an event consumer) reports what it does: log
 * lines, and each piece of work once it is settled (a batch sent or not; a message handled, skipped
 * or dead-lettered), for the service's metrics and a log line.
 */
export interface WorkerReports<Settled> {
  log?: (msg: string) => void;
  onSettled?: (settled: Settled) => void;
}
