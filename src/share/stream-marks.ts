// What this console knows of the stream, written down in its own journal: which of its events
// the stream acknowledged (with their sequence) and the highest sequence applied. Noted as they
// come and written as one bookkeeping line at most once a second (and at stop), so a restart —
// or a kill -9 — resends only what was never acknowledged and reads only what it lacks.
import type { SyncState } from '../timeline/journal-sync.js';

/** How often acknowledged events and the sequence reached are written to the journal. */
const MARK_EVERY_MS = 1000;
/** Acknowledgements per bookkeeping line (each line stays far below the journal's line limit). */
const ACKS_PER_MARK = 800;

/** Writes one sync bookkeeping line (the journal's recordSync). */
export type WriteMark = (data: { upTo: number; acked: [string, number][] }) => void;

/** The acknowledgements and sequence reached not yet written down, and the timer that writes them. */
export class StreamMarks {
  private pending: [string, number][] = [];
  private markedUpTo: number;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    /** The journal's view of the stream, kept current here. */
    readonly sync: SyncState,
    private readonly write: WriteMark,
  ) {
    this.markedUpTo = sync.lastApplied;
  }

  /** Notes events now known to be in the stream at these sequences (each once). */
  note(pairs: readonly [string, number][]): void {
    for (const [id, seq] of pairs) {
      if (this.sync.inStream.has(id)) continue;
      this.sync.inStream.set(id, seq);
      this.pending.push([id, seq]);
    }
    // After close the journal may be closed: what is acknowledged late is sent again next
    // time (the server and every console drop the copy by its id).
    if (this.closed) return;
    this.timer ??= setTimeout(() => this.flush(), MARK_EVERY_MS);
    this.timer.unref();
  }

  /** Writes what is pending now: one line (or a few, for thousands of acknowledgements). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0 && this.sync.lastApplied === this.markedUpTo) return;
    const acked = this.pending;
    this.pending = [];
    this.markedUpTo = this.sync.lastApplied;
    for (let i = 0; i === 0 || i < acked.length; i += ACKS_PER_MARK) {
      this.write({ upTo: this.sync.lastApplied, acked: acked.slice(i, i + ACKS_PER_MARK) });
    }
  }

  /** Writes what is pending and stops writing (the journal closes next). */
  close(): void {
    this.flush();
    this.closed = true;
  }
}
