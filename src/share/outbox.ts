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
  private readonly queue: TimelineEvent[] = [];
  private readonly queued = new Set<string>();
  private inFlight = 0;
  /** Index in `queue` of the next event to send. */
  private next = 0;
  private running = false;
  /** A send failed: once nothing is in flight, sending starts again from the oldest. */
  private rewind = false;
  private lastSize = -1;

  constructor(
    private readonly publish: PublishFn,
    private readonly events: OutboxEvents,
  ) {}

  /** Events waiting (sent or not) that the stream has not acknowledged. */
  get size(): number {
    return this.queue.length;
  }

  /** Queues events (ones already queued are ignored) and sends them if running. */
  add(events: readonly TimelineEvent[]): void {
    for (const event of events) {
      if (this.queued.has(event.id)) continue;
      this.queued.add(event.id);
      this.queue.push(event);
    }
    this.reportSize();
    this.pump();
  }

  /** The stream has this event (it came back through the consumer): no need to send or wait. */
  settle(id: string): void {
    if (!this.queued.has(id)) return;
    const index = this.queue.findIndex((e) => e.id === id);
    // Only unsent ones can be dropped here; one in flight is settled by its answer.
    if (index >= this.next) {
      this.queue.splice(index, 1);
      this.queued.delete(id);
      this.reportSize();
    }
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
      this.next = 0;
    }
    while (this.running && this.inFlight < WINDOW && this.next < this.queue.length) {
      const event = this.queue[this.next]!;
      this.next += 1;
      this.inFlight += 1;
      this.publish(event).then(
        (seq) => this.done(event, seq),
        (error: Error) => this.fail(error),
      );
    }
  }

  private done(event: TimelineEvent, seq: number): void {
    this.inFlight -= 1;
    const index = this.queue.indexOf(event);
    if (index >= 0) {
      this.queue.splice(index, 1);
      if (index < this.next) this.next -= 1;
    }
    this.queued.delete(event.id);
    this.events.acked([[event.id, seq]]);
    this.reportSize();
    this.pump();
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

  private reportSize(): void {
    if (this.queue.length === this.lastSize) return;
    this.lastSize = this.queue.length;
    this.events.size(this.queue.length);
  }
}
