// The stream's events of one incident, read from the sequence after the last one this console
// applied, handed over in batches (a burst of thousands after an outage becomes a few journal
// writes, a single live event goes at once). JetStream's ordered consumer redelivers in order
// after a reconnect, from where it stopped.
import type { NatsConnection } from '@nats-io/transport-node';
import type { TimelineEvent } from '../timeline/event.js';
import { decodeFromStream, subjectFor } from './wire.js';
import { natsJetStream } from './nats-modules.js';

/** One event as the stream holds it. */
export interface StreamedEvent {
  event: TimelineEvent;
  seq: number;
}

/** What the inbox tells its owner. */
export interface InboxEvents {
  /** A batch of events in stream order. */
  received: (batch: StreamedEvent[]) => void;
  /** A message that is not an event (skipped), with its sequence. */
  unreadable: (seq: number) => void;
}

/** Largest batch handed over at once. */
const BATCH = 512;

/** Consumes one incident's subject from a sequence on. */
export class Inbox {
  private buffer: StreamedEvent[] = [];
  private flushing: NodeJS.Immediate | null = null;
  private messages: { close(): Promise<void | Error> } | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly stream: string,
    private readonly incident: string,
    private readonly events: InboxEvents,
  ) {}

  /** Starts delivering from stream sequence `from` (1 = the whole history). */
  async start(from: number): Promise<void> {
    const { jetstream, DeliverPolicy } = await natsJetStream();
    const js = jetstream(this.nc);
    // One subject as a string: filter_subjects as a list needs server 2.10 (Debian has 2.9).
    const consumer = await js.consumers.get(this.stream, {
      filter_subjects: subjectFor(this.incident),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: Math.max(1, from),
    });
    this.messages = await consumer.consume({
      callback: (m) => {
        const event = decodeFromStream(m.string());
        if (!event) return this.events.unreadable(m.seq);
        this.buffer.push({ event, seq: m.seq });
        if (this.buffer.length >= BATCH) this.flush();
        else this.flushing ??= setImmediate(() => this.flush());
      },
    });
  }

  /** Hands over what is buffered now. */
  flush(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = null;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.events.received(batch);
  }

  /** Stops consuming (what was buffered is handed over first). */
  async stop(): Promise<void> {
    this.flush();
    await this.messages?.close();
    this.messages = null;
  }
}
