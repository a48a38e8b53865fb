// One source's gaps in the stream: when its command or host went away (stale since), the marker
// line where its data resumed, and the tail a restarted follow command sends again, dropped
// (resend-filter.ts) so a reconnect neither shows nor counts a line twice.
import { localClock } from '../time/clock-text.js';
import { ResendFilter } from './resend-filter.js';
import type { SourceState } from './source.js';

/** A re-sent tail arrives in one burst: lines held this long without more are settled. */
const RESEND_SETTLE_MS = 1000;

/** Where a source's lines and markers go, and how it asks for a flush. */
export interface GapSink {
  line(text: string): void;
  marker(text: string, at: number): void;
  changed(): void;
}

/** Tracks one source's absences and filters what it re-sends when it is back. */
export class SourceGaps {
  /** When the source went away; null while it is live. */
  staleSince: number | null = null;
  private readonly resend: ResendFilter | null;
  private settleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly tag: string,
    /** Lines remembered to recognise a re-sent tail; 0 for a source that never re-sends (a local file). */
    remembered: number,
    private readonly sink: GapSink,
  ) {
    this.resend = remembered > 0 ? new ResendFilter(remembered) : null;
  }

  /** Lines dropped as repeats so far. */
  get repeatsDropped(): number {
    return this.resend?.dropped ?? 0;
  }

  /** One line from the source: passed on, held, or dropped as a repeat. */
  line(text: string): void {
    if (this.resend === null) {
      this.sink.line(text);
      return;
    }
    for (const line of this.resend.offer(text)) this.sink.line(line);
    if (this.resend.holding) this.armSettle();
  }

  /** The source's state changed at `now`: a follow command that ended is a gap until it follows again. */
  state(state: SourceState, now: number): void {
    if ((state === 'restarting' || state === 'disconnected') && this.staleSince === null) this.staleSince = now;
    if (state === 'following' && this.staleSince !== null) {
      this.sink.marker(`— ${this.tag}: no data ${localClock(this.staleSince)}–${localClock(now)}, reconnected —`, now);
      this.staleSince = null;
      this.resend?.reconnected();
    }
  }

  /** Passes on whatever is still held (the source stopped). */
  settle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    for (const line of this.resend?.settle() ?? []) this.sink.line(line);
  }

  private armSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.settle();
      this.sink.changed();
    }, RESEND_SETTLE_MS);
    this.settleTimer.unref?.();
  }
}
