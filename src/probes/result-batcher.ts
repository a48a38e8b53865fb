// Probe results reach the store in batches: Ink recomputes layout on every store commit, so 1,000
// checks each committing their own result would cost far more than the probing. Updates are
// collected and handed over at the next beat of a pacer — the store's in the console, so they
// share a frame with the logs and the clock (see time/commit-pacer.ts).
import { CommitPacer } from '../time/commit-pacer.js';
import type { RowUpdate } from './types.js';

/** Collects row updates and flushes them together. */
export class ResultBatcher {
  private pending: RowUpdate[] = [];
  private readonly flushPaced = () => this.flush();

  constructor(
    private readonly sink: (updates: RowUpdate[]) => void,
    private readonly pacer: CommitPacer = new CommitPacer(100),
  ) {}

  /**
   * Queues updates; they are handed over at the pacer's next beat. A check changing state is
   * what the eye follows; results that only refresh latencies and histories are background.
   */
  add(updates: RowUpdate[]): void {
    if (updates.length === 0) return;
    this.pending.push(...updates);
    this.pacer.request(this.flushPaced, updates.some((u) => u.transition !== undefined) ? 'follow' : 'background');
  }

  /** Hands over everything queued now (also used on stop). */
  flush(): void {
    this.pacer.cancel(this.flushPaced);
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.sink(batch);
  }
}
