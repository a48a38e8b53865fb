// Events the disk refused, held in order (with everything recorded after them) until a write
// goes through: the journal retries on a timer and shows an event only once it is on disk. Here:
// the queue, the error to report, and the retry timer.
import type { TimelineEvent } from './event.js';
import { AppendError } from './journal-appender.js';

/** Largest run of held events written again with one write. */
export const RETRY_BATCH = 256;

/** The journal's queue of events not yet on disk. */
export class HeldEvents {
  private readonly queue: TimelineEvent[] = [];
  private readonly ids = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** The last write or move error, as the header shows it; null once a write went through. */
  error: string | null = null;

  constructor(
    private readonly retryMs: number,
    private readonly retry: () => void,
  ) {}

  /** How many are held. */
  get size(): number {
    return this.queue.length;
  }

  /** Whether an event id is held. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Queues an event after those already held. */
  hold(event: TimelineEvent): void {
    this.queue.push(event);
    this.ids.add(event.id);
  }

  /** The next run to write (at most RETRY_BATCH), still held until `written`. */
  next(): TimelineEvent[] {
    return this.queue.slice(0, RETRY_BATCH);
  }

  /** Drops a run from the front once it is on disk. */
  written(batch: readonly TimelineEvent[]): void {
    this.queue.splice(0, batch.length);
    for (const event of batch) this.ids.delete(event.id);
  }

  /** Stops a pending retry (a write is about to happen, or the journal closes). */
  cancelRetry(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Notes a failed write or move and retries later (not once closed). Programming errors still throw. */
  failed(error: unknown, closed: boolean): void {
    if (!(error instanceof AppendError) && (error as NodeJS.ErrnoException).code === undefined) throw error;
    const e = error as NodeJS.ErrnoException;
    this.error = `${e.code ?? 'EIO'}: ${e.message.replace(/^[A-Z]+: /, '')}`;
    if (closed || this.timer) return;
    this.timer = setTimeout(() => this.retry(), this.retryMs);
    this.timer.unref();
  }
}
