export type WakeReason = 'change' | 'timeout' | 'closed';

/** One waiting reader. A change signalled while it is busy querying is kept, not lost. */
export class FeedSubscription {
  private pending = false;
  private closed = false;
  private wake?: (reason: WakeReason) => void;

  constructor(private readonly onClose: (s: FeedSubscription) => void) {}

  signal(reason: 'change' | 'closed'): void {
    if (reason === 'closed') this.closed = true;
    else this.pending = true;
    this.wake?.(reason);
  }

  next(ms: number): Promise<WakeReason> {
    if (this.closed) return Promise.resolve('closed');
    if (this.pending) {
      this.pending = false;
      return Promise.resolve('change');
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done('timeout'), ms);
      const done = (reason: WakeReason): void => {
        clearTimeout(timer);
        this.wake = undefined;
        this.pending = false;
        resolve(reason);
      };
      this.wake = done;
    });
  }

  close(): void {
    this.wake?.('closed');
    this.onClose(this);
  }
}
