// One console's part in a shared incident. The local journal stays the source of truth: every
// local event is on disk first, then queued in the outbox and published; the stream's events
// from other consoles are written into the journal (with their stream sequence) and shown from
// there. Offline is normal: the console keeps working on its journal, the header counts what is
// unsynced, and everything goes out (and comes in) when the server is back.
import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection, Status } from '@nats-io/transport-node';
import type { ShareConfig } from '../config/integration-types.js';
import { isBookkeeping, type TimelineEvent } from '../timeline/event.js';
import type { Claim, StateChange, StateOutcome } from '../timeline/recorder.js';
import { ensureStream, explain, openConnection, REQUEST_TIMEOUT_MS, ShareError } from './connection.js';
import { Inbox, type StreamedEvent } from './inbox.js';
import { SharedIncidentState } from './incident-state.js';
import { Outbox } from './outbox.js';
import { Presence } from './presence.js';
import { readSyncState, unsyncedEvents, type SyncState } from '../timeline/journal-sync.js';
import { StreamMarks } from './stream-marks.js';
import type { ShareJournal, ShareReports, ShareStatus } from './types.js';
import { encodeForStream, subjectFor } from './wire.js';
import { natsJetStream } from './nats-modules.js';

/** Wait before connecting again after a failure that waiting may fix. */
const RETRY_MS = 2000;
/** A first connection still pending after this long is shown as offline (it keeps trying). */
const OFFLINE_AFTER_MS = 3000;

/** How long quitting waits for the outbox (the goodbye among it) to empty while the server is reachable. */
const DRAIN_ON_STOP_MS = 1000;

/** Publishes this console's events and applies everyone else's, for one incident. */
export class SharedIncident {
  private nc: NatsConnection | null = null;
  private js: JetStreamClient | null = null;
  /** The client is connected (it reconnects by itself once it was). */
  private connected = false;
  private readonly sync: SyncState;
  private readonly outbox: Outbox;
  private inbox: Inbox | null = null;
  /** Inbox restarts run one after another. */
  private inboxRestart: Promise<void> = Promise.resolve();
  private state: SharedIncidentState | null = null;
  private status: ShareStatus = { state: 'connecting', unsynced: 0, detail: null, present: [] };
  private presence: Presence | null = null;
  private presenceStart: Promise<Presence | null> | null = null;
  private readonly marks: StreamMarks;
  private readonly timers = new Set<NodeJS.Timeout>();
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private unreadable = 0;

  constructor(
    private readonly share: ShareConfig,
    private readonly journal: ShareJournal,
    private readonly reports: ShareReports,
    /** This console's mode, shown to the others (a read-only console is the bridge watching). */
    private readonly mode = 'live',
  ) {
    this.sync = readSyncState(journal.events());
    this.marks = new StreamMarks(this.sync, (data) => journal.recordSync(data));
    const subject = subjectFor(journal.id);
    this.outbox = new Outbox((event) => this.publish(subject, event), {
      acked: (pairs) => {
        // A publish went through: reachable again after a failed one.
        if (this.status.state === 'offline' && this.connected) this.setStatus({ state: 'online', detail: null });
        this.marks.note(pairs);
      },
      size: (unsynced) => this.setStatus({ unsynced }),
      failed: (error) => {
        this.setStatus({ state: 'offline', detail: explain(error).message });
        // Still connected (a timeout, JetStream briefly unavailable): try again on a timer; a lost
        // connection restarts the outbox when the client reconnects.
        this.later(RETRY_MS, () => {
          if (this.connected && this.inbox) this.outbox.start();
        });
      },
    });
  }

  /** Queues what is unsynced and starts connecting in the background (never waits for the server). */
  start(): void {
    this.outbox.add(unsyncedEvents(this.journal.events(), this.sync));
    this.unsubscribe = this.journal.onEvents((added) => {
      const local = added.filter((e) => typeof e.seq !== 'number' && !isBookkeeping(e) && !this.sync.inStream.has(e.id));
      if (local.length > 0) this.outbox.add(local);
    });
    // A connection attempt that hangs (packets dropped) is offline to the operator meanwhile.
    this.later(OFFLINE_AFTER_MS, () => {
      if (this.status.state === 'connecting') this.setStatus({ state: 'offline', detail: 'no NATS server answered yet (still trying)' });
    });
    void this.connect();
  }

  /** Stops publishing and consuming (after a moment for the outbox to empty); notes what was acknowledged in the journal. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    const deadline = Date.now() + DRAIN_ON_STOP_MS;
    while (this.status.state === 'online' && this.outbox.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.unsubscribe?.();
    this.outbox.stop();
    await this.inbox?.stop().catch(() => undefined);
    await (await this.presenceStart)?.stop();
    this.marks.close();
    await this.nc?.close().catch(() => undefined);
  }

  /** Where sharing stands now. */
  get current(): ShareStatus {
    return this.status;
  }

  /**
   * Compare-and-set of shared state; offline: refused (it must not fork). Sharing that gave up
   * (refused credentials, an untrusted certificate) is a console on its journal alone: it decides.
   */
  async changeState(change: StateChange): Promise<StateOutcome> {
    if (this.status.state === 'failed') return { ok: true };
    if (!this.state || this.status.state !== 'online') return { ok: false, offline: true, ...(this.status.detail ? { detail: this.status.detail } : {}) };
    try {
      return await this.state.change(change);
    } catch (error) {
      return { ok: false, offline: true, detail: explain(error).message };
    }
  }

  /** Claims `key` among all consoles of the incident; null when the server cannot be asked. */
  async claim(key: string): Promise<Claim | null> {
    if (!this.state || this.status.state !== 'online') return null;
    try {
      return await this.state.claim(key);
    } catch {
      return null;
    }
  }

  /** Connects, makes sure of the stream and the state bucket, starts consuming and publishing; retries while waiting may help. */
  private async connect(): Promise<void> {
    while (!this.stopped) {
      let nc: NatsConnection | null = null;
      try {
        nc = await openConnection(this.share, `warroom ${this.journal.operator}`, (status) => this.onConnectionStatus(status));
        if (this.stopped) return void (await nc.close());
        this.nc = nc;
        // One client for every publish (made per publish, it cost more than the publish itself).
        this.js = (await natsJetStream()).jetstream(nc, { timeout: REQUEST_TIMEOUT_MS });
        this.connected = true;
        await ensureStream(nc, this.share.stream);
        this.state = await SharedIncidentState.open(nc, this.share.stream, this.journal.id, this.journal.operator).catch((error: unknown) => {
          this.reports.warn(`shared incident state unavailable (${explain(error).message}): automatic paging is decided on this machine alone meanwhile`);
          return null;
        });
        const inbox = this.newInbox(nc);
        await inbox.start(this.sync.lastApplied + 1);
        this.inbox = inbox;
        // Kept as a promise: a console quitting while this is under way still says goodbye.
        this.presenceStart = Presence.start(nc, this.share.stream, this.journal.id, { operator: this.journal.operator, mode: this.mode }, (present) =>
          this.setStatus({ present }),
        ).catch((error: unknown) => {
          this.reports.warn(`who else is here is unknown (${explain(error).message})`);
          return null;
        });
        this.presence = await this.presenceStart;
        if (this.stopped) return;
        if (this.connected) this.setStatus({ state: 'online', detail: null });
        this.outbox.start();
        return;
      } catch (error) {
        const problem = explain(error, this.share);
        this.nc = null;
        this.js = null;
        this.state = null;
        this.connected = false;
        await nc?.close().catch(() => undefined);
        if (this.stopped) return;
        this.setStatus({ state: problem.retry ? 'offline' : 'failed', detail: problem.message });
        if (!problem.retry) return;
        await new Promise<void>((resolve) => this.later(RETRY_MS, resolve));
      }
    }
  }

  private onConnectionStatus(status: Status): void {
    if (this.stopped) return;
    if (status.type === 'disconnect') {
      this.connected = false;
      this.outbox.stop();
      this.setStatus({ state: 'offline', detail: 'the NATS server is unreachable (reconnecting)', present: [] });
    } else if (status.type === 'reconnect') {
      this.connected = true;
      // Before the first full start the connect loop says when it is online.
      if (!this.inbox) return;
      this.setStatus({ state: 'online', detail: null });
      this.outbox.start();
      this.restartInbox();
      void this.presence?.rewatch().catch(() => undefined);
    }
  }

  private newInbox(nc: NatsConnection): Inbox {
    return new Inbox(nc, this.share.stream, this.journal.id, {
      received: (batch) => this.apply(batch),
      unreadable: (seq) => this.noteUnreadable(seq),
    });
  }

  /**
   * After a reconnect, consumes again from the last sequence applied. The client's ordered
   * consumer notices a restarted server only after missed heartbeats (tens of seconds, measured:
   * a test saw 1 of 4 events in 20 s), too slow for a console that is online again; a fresh
   * consumer is cheap, and whatever both deliver is applied once (by event id).
   */
  private restartInbox(): void {
    this.inboxRestart = this.inboxRestart.then(async () => {
      const nc = this.nc;
      const old = this.inbox;
      if (this.stopped || !nc || !old || !this.connected) return;
      await old.stop().catch(() => undefined);
      const inbox = this.newInbox(nc);
      try {
        await inbox.start(this.sync.lastApplied + 1);
        this.inbox = inbox;
      } catch (error) {
        // JetStream may still be restoring the stream after a server restart: try again shortly.
        this.inbox = inbox;
        this.setStatus({ state: 'offline', detail: explain(error).message });
        this.later(RETRY_MS, () => this.restartInbox());
        return;
      }
      if (this.connected && this.status.state !== 'online') this.setStatus({ state: 'online', detail: null });
    });
  }

  /** A timer that stop() clears and that never keeps the process alive. */
  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private async publish(subject: string, event: TimelineEvent): Promise<number> {
    if (!this.js) throw new ShareError('not connected', true);
    const ack = await this.js.publish(subject, encodeForStream(event), { msgID: event.id, timeout: REQUEST_TIMEOUT_MS });
    return ack.seq;
  }

  /** Writes the stream's new events into the journal; echoes of local ones count as acknowledged. */
  private apply(batch: readonly StreamedEvent[]): void {
    const fresh: StreamedEvent[] = [];
    const echoes: [string, number][] = [];
    for (const item of batch) {
      this.sync.lastApplied = Math.max(this.sync.lastApplied, item.seq);
      if (!this.journal.knows(item.event.id)) fresh.push(item);
      else if (!this.sync.inStream.has(item.event.id)) echoes.push([item.event.id, item.seq]);
    }
    if (fresh.length > 0) this.journal.importShared(fresh);
    for (const item of fresh) this.sync.inStream.set(item.event.id, item.seq);
    for (const [id] of echoes) this.outbox.settle(id);
    this.marks.note(echoes);
  }

  private noteUnreadable(seq: number): void {
    this.unreadable += 1;
    if (this.unreadable <= 3) this.reports.warn(`shared incident: message #${seq} in the stream is not a timeline event (skipped)`);
  }

  private setStatus(patch: Partial<ShareStatus>): void {
    const next = { ...this.status, ...patch, unsynced: patch.unsynced ?? this.outbox.size };
    if (next.state === this.status.state && next.unsynced === this.status.unsynced && next.detail === this.status.detail && next.present === this.status.present) return;
    this.status = next;
    this.reports.status(next);
  }
}
