// A FIFO semaphore: the scheduler's global bound on probes in flight, so 1,000 checks due at once
// open at most N sockets instead of exhausting file descriptors or the far server.

/** Bounds how many tasks run at once; waiters are served in arrival order. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new Error(`concurrency must be at least 1, got ${max}`);
  }

  /** Tasks currently holding a slot. */
  get inFlight(): number {
    return this.active;
  }

  /** Waits for a slot; call the returned function exactly once to give it back. */
  async acquire(): Promise<() => void> {
    if (this.active < this.max) {
      this.active += 1;
    } else {
      // The slot is handed over directly by release(), so `active` never exceeds max.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
  }

  /** Runs `task` inside a slot. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}
