// Probe results reach the store in batches: Ink recomputes layout on every store commit, so 1,000
// checks each committing their own result would cost far more than the probing. Updates are
// collected and handed over at most once per interval (~100 ms, a few frames).
import type { RowUpdate } from './types.js';

/** Collects row updates and flushes them together. */
export class ResultBatcher {
  private pending: RowUpdate[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;

  constructor(
    private readonly sink: (updates: RowUpdate[]) => void,
    private readonly intervalMs = 100,
  ) {}

  /** Queues updates; a flush is scheduled if none is. */
  add(updates: RowUpdate[]): void {
    if (updates.length === 0) return;
    this.pending.push(...updates);
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref?.();
  }

  /** Hands over everything queued now (also used on stop). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.lastFlush = Date.now();
    this.sink(batch);
  }
}
