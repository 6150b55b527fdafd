/** Lets a loop sleep until either a timeout or a notify(); a notify() while it is busy is not lost. */
export class WakeSignal {
  private pending = false;
  private wakeUp?: () => void;

  notify(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.pending = false;
        resolve();
      };
      this.wakeUp = done;
    });
  }
}
