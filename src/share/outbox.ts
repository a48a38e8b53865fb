// Local events on their way into the stream, oldest first. Publishing is pipelined (a window of
// requests in flight, each with `Nats-Msg-Id` = the event id, so a resend after a lost answer is
// dropped by the server) and stops at the first failure: what was not acknowledged stays queued
// and goes again once the connection is back.
import type { TimelineEvent } from '../timeline/event.js';

/** Publishes one event; resolves its stream sequence. */
export type PublishFn = (event: TimelineEvent) => Promise<number>;

/** Requests in flight at once: enough to hide the round trip, few enough to stop fast when it breaks. */
const WINDOW = 256;

/** What the outbox tells its owner. */
export interface OutboxEvents {
  /** Events the stream acknowledged, with their sequences. */
  acked: (pairs: readonly [string, number][]) => void;
  /** The number still waiting changed. */
  size: (waiting: number) => void;
  /** A publish failed: the connection is probably down (the queue is kept). */
  failed: (error: Error) => void;
}

/** Queue of events to publish, kept in order, each sent until the stream has it. */
export class Outbox {
  /** Events in order; those before `head` are all acknowledged (compacted now and then). */
  private queue: TimelineEvent[] = [];
  private head = 0;
  /** Ids waiting for the stream (sent or not). */
  private readonly waiting = new Set<string>();
  private inFlight = 0;
  /** Index in `queue` of the next event to send. */
  private next = 0;
  private running = false;
  /** A send failed: once nothing is in flight, sending starts again from the oldest. */
  private rewind = false;
  private lastSize = -1;
  private sizeReport: NodeJS.Immediate | null = null;

  constructor(
    private readonly publish: PublishFn,
    private readonly events: OutboxEvents,
  ) {}

  /** Events waiting (sent or not) that the stream has not acknowledged. */
  get size(): number {
    return this.waiting.size;
  }

  /** Queues events (ones already queued are ignored) and sends them if running. */
  add(events: readonly TimelineEvent[]): void {
    for (const event of events) {
      if (this.waiting.has(event.id)) continue;
      this.waiting.add(event.id);
      this.queue.push(event);
    }
    this.reportSize();
    this.pump();
  }

  /** The stream has this event (it came back through the consumer): no need to send or wait. */
  settle(id: string): void {
    if (!this.waiting.delete(id)) return;
    this.advance();
    this.reportSize();
  }

  /** Starts (or resumes, after a reconnect) sending from the oldest unacknowledged event. */
  start(): void {
    this.running = true;
    this.pump();
  }

  /** Stops sending; what is in flight settles on its own. */
  stop(): void {
    this.running = false;
  }

  private pump(): void {
    if (this.rewind) {
      if (this.inFlight > 0) return;
      this.rewind = false;
      this.next = this.head;
    }
    while (this.running && this.inFlight < WINDOW && this.next < this.queue.length) {
      const event = this.queue[this.next]!;
      this.next += 1;
      // Settled meanwhile (its echo came back through the consumer): nothing to send.
      if (!this.waiting.has(event.id)) continue;
      this.inFlight += 1;
      this.publish(event).then(
        (seq) => this.done(event, seq),
        (error: Error) => this.fail(error),
      );
    }
  }

  private done(event: TimelineEvent, seq: number): void {
    this.inFlight -= 1;
    if (this.waiting.delete(event.id)) this.events.acked([[event.id, seq]]);
    this.advance();
    this.reportSize();
    this.pump();
  }

  /** Moves `head` past acknowledged events; drops them from the array once there are many (O(1) per event). */
  private advance(): void {
    while (this.head < this.queue.length && !this.waiting.has(this.queue[this.head]!.id)) this.head += 1;
    if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.next = Math.max(0, this.next - this.head);
      this.head = 0;
    }
  }

  private fail(error: Error): void {
    this.inFlight -= 1;
    // Everything not acknowledged goes again, in order, once restarted.
    this.rewind = true;
    if (this.running) {
      this.running = false;
      this.events.failed(error);
    }
    this.pump();
  }

  /** Tells the size once per turn of the event loop: a burst of 10,000 acknowledgements is one report, not 10,000. */
  private reportSize(): void {
    this.sizeReport ??= setImmediate(() => {
      this.sizeReport = null;
      if (this.waiting.size === this.lastSize) return;
      this.lastSize = this.waiting.size;
      this.events.size(this.waiting.size);
    });
  }
}
