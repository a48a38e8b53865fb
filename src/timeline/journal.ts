// The incident journal: the durable, shared record every capability writes through.
// An event is redacted, appended with one O_APPEND write and flushed to disk before anyone in
// this process sees it; events other processes append show up through the follower. When the
// disk refuses a write the event is held (in order, with everything after it) and retried: it is
// shown, and reported added, only once it is on disk. When the file at the journal's path is no
// longer the one being appended to (replaced, deleted, cut short), the journal moves onto what
// the path holds now and writes into it what the new file lacks.
import { basename } from 'node:path';
import type { EventKind, RecordOptions, StateChange, StateOutcome, TimelineRecorder } from './recorder.js';
import { encodeEvent, newEventId, noteOwnStableId, SCHEMA_VERSION, type TimelineEvent } from './event.js';
import { JournalFollower } from './follow.js';
import { readJournal, type LoadedJournal, type ParsedLines } from './journal-file.js';
import { JournalAppender, type PathState } from './journal-appender.js';
import { HeldEvents } from './journal-held.js';
import { carryOnto, relinkMessage } from './journal-carry.js';
import { CLAIM_KIND, JournalClaims, type ClaimResult, type SharedState } from './journal-claims.js';
import { redactData, redact, type Redactor } from '../text/redact.js';
import { isAutomatedKind, SYSTEM_OPERATOR } from './actor.js';
import { StreamOrder, SYNC_KIND } from './journal-sync.js';
import { JournalSignals, type HealthListener, type JournalHealth, type TimelineListener, type WarningListener } from './journal-signals.js';

export type { HealthListener, JournalHealth, TimelineListener, WarningListener } from './journal-signals.js';
export type { SharedState } from './journal-claims.js';

/** How a journal is opened. */
export interface JournalOptions {
  /** Who this process records as (`--as NAME`, else `$USER@hostname`). */
  operator: string;
  /** @default the built-in patterns only */
  redactor?: Redactor;
  /** Follow other processes' appends. @default true */
  follow?: boolean;
  /** Period of the follower's check and poll. @default 300 */
  pollMs?: number;
  /** Period of write retries while events are held. @default 1000 */
  retryMs?: number;
}

/** One incident's journal, open for appending and following. */
export class TimelineJournal implements TimelineRecorder {
  /** Warnings found when it was opened (torn tail quarantined, unreadable lines). */
  readonly warnings: string[];
  readonly operator: string;
  private readonly appender: JournalAppender;
  private readonly list: TimelineEvent[];
  private readonly ids: Set<string>;
  private readonly held: HeldEvents;
  private shared: SharedState | null = null;
  /** A move onto a replaced or recreated file that failed half way (retried before any write). */
  private relinkPending: Exclude<PathState, 'same'> | 'shrunk' | null = null;
  private readonly claims = new JournalClaims();
  private readonly signals = new JournalSignals();
  private readonly streamOrder = new StreamOrder();
  private readonly redactor: Redactor;
  private readonly follower: JournalFollower | null;
  private closed = false;

  /** Opens `path` for appending; `loaded` is what was read from it. Use openIncident/resumeIncident. */
  constructor(
    readonly id: string,
    readonly dir: string,
    readonly path: string,
    loaded: LoadedJournal,
    options: JournalOptions,
  ) {
    this.operator = options.operator;
    this.redactor = options.redactor ?? redact;
    this.held = new HeldEvents(options.retryMs ?? 1000, () => this.writeHeld());
    this.list = loaded.events;
    this.ids = new Set(loaded.events.map((e) => e.id));
    this.claims.note(loaded.events);
    this.streamOrder.note(loaded.events);
    this.warnings = [...loaded.warnings];
    this.appender = new JournalAppender(path);
    this.follower =
      options.follow === false
        ? null
        : new JournalFollower(
            path,
            loaded.size,
            { onLines: (parsed) => this.adopt(parsed), onShrunk: () => this.relinkOrHold('shrunk'), onTick: () => this.sync() },
            options.pollMs,
          );
  }

  /**
   * Appends an event and returns it once it is on disk. Synchronous on purpose: nothing may show
   * an event that a crash right after could lose. When the disk refuses it, the event is held
   * (with any recorded after it, in order) and retried; it returns null and the event is shown
   * when it is written. The journal's health says how many are held. Null too, with nothing
   * written, when an event of `options.id` is on the record already (another console's).
   */
  record(kind: EventKind, data: Record<string, unknown>, options: RecordOptions = {}): TimelineEvent | null {
    return this.append(kind, redactData(data, this.redactor), options);
  }

  /**
   * Appends a sync bookkeeping line (src/share): event ids and stream sequences only, so not
   * redacted (a redaction pattern matching an id would lose where that event is in the stream).
   */
  recordSync(data: { upTo: number; acked: [string, number][] }): void {
    this.append(SYNC_KIND as EventKind, data, {});
  }

  private append(kind: EventKind, data: Record<string, unknown>, options: RecordOptions): TimelineEvent | null {
    // Another console recorded it already (a stable id): on the record once.
    if (options.id !== undefined && this.knows(options.id)) return null;
    if (options.id !== undefined) noteOwnStableId(options.id);
    const automated = options.automated === true || isAutomatedKind(kind);
    const event: TimelineEvent = {
      v: SCHEMA_VERSION,
      id: options.id ?? newEventId(),
      ts: options.at ?? Date.now(),
      // What the console saw by itself is warroom's, naming the console that saw it.
      operator: automated ? SYSTEM_OPERATOR : this.operator,
      ...(automated ? { console: this.operator } : {}),
      kind,
      data,
    };
    if (options.backfilled) event.backfilled = true;
    if (this.closed) return this.appendLate(event);
    this.held.hold(event);
    this.writeHeld();
    return this.ids.has(event.id) ? event : null;
  }

  /**
   * An event recorded after close (a delivery still retrying when the operator quit): written
   * with an append of its own, durable as any other, and shown to nobody (the console is gone).
   * Null when even that fails: the caller's "not saved" path, never a crash on the way out.
   */
  private appendLate(event: TimelineEvent): TimelineEvent | null {
    let late: JournalAppender | null = null;
    try {
      late = new JournalAppender(this.path);
      late.append(encodeEvent(event));
      return event;
    } catch {
      return null;
    } finally {
      late?.close();
    }
  }

  /**
   * Writes events that came from the shared stream, each with its stream sequence, unless this
   * journal has them already; durable (or held) like recorded ones, shown once on disk.
   */
  importShared(batch: readonly { event: TimelineEvent; seq: number }[]): void {
    if (this.closed) return;
    for (const { event, seq } of batch) {
      if (this.knows(event.id)) continue;
      // Redacted again with this console's own patterns: its secrets are masked whoever wrote it.
      this.held.hold({ ...event, data: redactData(event.data, this.redactor), seq });
    }
    this.writeHeld();
  }

  /** Whether this journal has (or holds for writing) an event id. */
  knows(id: string): boolean {
    return this.ids.has(id) || this.held.has(id);
  }

  /** Lets the shared incident decide claims and guarded state changes (null: this journal alone). */
  useSharedState(shared: SharedState | null): void {
    this.shared = shared;
  }

  /** Guarded state change: the shared incident's compare-and-set, or always allowed locally. */
  async changeState(change: StateChange): Promise<StateOutcome> {
    return this.shared ? this.shared.changeState(change) : { ok: true };
  }

  /**
   * Claims `key` for this console among every console appending to this journal: appends a
   * claim and reads the file up to it; the first claim line of the key wins. Null when the claim
   * could not be written (then nobody can be told: the caller decides).
   */
  async claim(key: string, data: Record<string, unknown> = {}): Promise<ClaimResult | null> {
    return this.claims.claim(
      {
        shared: this.shared,
        recordClaim: (claim) => this.record(CLAIM_KIND as EventKind, claim),
        readBack: () => (this.follower ? this.follower.poll() : this.claims.note(readJournal(this.path, false).events)),
      },
      key,
      data,
    );
  }

  /** Every event known so far, in the order this process learned of them. */
  events(): readonly TimelineEvent[] {
    return this.list;
  }

  /** Events held back by a failing disk, and the error. */
  health(): JournalHealth {
    const failing = this.held.size > 0 || this.relinkPending !== null;
    return { held: this.held.size, error: failing ? this.held.error : null };
  }

  /** The redactor this journal writes with, for views and exports to share. */
  get redact(): Redactor {
    return this.redactor;
  }

  /** Subscribes to new events; returns the unsubscribe function. */
  onEvents(listener: TimelineListener): () => void {
    return this.signals.onEvents(listener);
  }

  /** Subscribes to warnings; returns the unsubscribe function. */
  onWarning(listener: WarningListener): () => void {
    return this.signals.onWarning(listener);
  }

  /** Subscribes to health changes; returns the unsubscribe function. */
  onHealth(listener: HealthListener): () => void {
    return this.signals.onHealth(listener);
  }

  /** Checks the file is still the journal's and reads other processes' appends now. */
  sync(): void {
    if (this.closed) return;
    const state = this.relinkPending ?? this.pathState();
    if (state !== 'same' && !this.relinkOrHold(state)) return;
    this.follower?.poll();
  }

  /** Stops following and closes the file after a last try to write what is held. */
  close(): void {
    if (this.closed) return;
    if (this.held.size > 0) this.writeHeld();
    this.closed = true;
    this.held.cancelRetry();
    this.follower?.close();
    this.appender.close();
  }

  /** Writes held events in order (batched), stopping at the first failure. */
  private writeHeld(): void {
    this.held.cancelRetry();
    const saved: TimelineEvent[] = [];
    try {
      // A move that failed half way is finished first. A replaced file is found after the
      // write (one stat per append, not two): what went into the old file is carried over.
      if (this.relinkPending) this.relink(this.relinkPending);
      while (this.held.size > 0) {
        const batch = this.held.next();
        this.appender.append(batch.map(encodeEvent).join(''));
        this.held.written(batch);
        for (const event of batch) {
          this.ids.add(event.id);
          this.list.push(event);
        }
        saved.push(...batch);
      }
      this.held.error = null;
      // Written, but into the file the path names? A file replaced or deleted before (or
      // during) the write holds lines nobody reads: move over and carry them.
      const after = this.pathState();
      if (after !== 'same') this.relink(after);
    } catch (error) {
      this.failed(error);
    }
    this.streamOrder.note(saved);
    this.signals.added(saved);
    this.signals.health(this.health());
  }

  /** Notes a failed write or move, and retries later. */
  private failed(error: unknown): void {
    this.held.failed(error, this.closed);
  }

  /** relink() from a timer or the follower: a failure is held and retried, never thrown. */
  private relinkOrHold(why: Exclude<PathState, 'same'> | 'shrunk'): boolean {
    try {
      this.relink(why);
      return true;
    } catch (error) {
      this.relinkPending = why;
      this.failed(error);
      this.signals.health(this.health());
      return false;
    }
  }

  private pathState(): PathState {
    try {
      return this.appender.check();
    } catch {
      // The folder is unreadable: the write itself will say why.
      return 'same';
    }
  }

  /**
   * Moves onto the file the path names now: reads what the old file got last, opens (or
   * recreates) the path, appends what it lacks of what this console knows, and follows it.
   */
  private relink(why: Exclude<PathState, 'same'> | 'shrunk'): void {
    this.relinkPending = why;
    if (why !== 'shrunk') this.follower?.poll();
    const { onDisk, carry, removed } = carryOnto(this.path, this.appender, this.list, why === 'shrunk');
    this.follower?.reopen(onDisk.size);
    this.relinkPending = null;
    this.adopt({ events: onDisk.events, bad: [] });
    this.warn(relinkMessage(basename(this.path), why, carry.length, removed));
  }

  private adopt(parsed: ParsedLines): void {
    this.claims.note(parsed.events);
    const added: TimelineEvent[] = [];
    for (const e of parsed.events) {
      if (this.ids.has(e.id)) continue;
      this.ids.add(e.id);
      this.list.push(e);
      added.push(e);
    }
    for (const line of parsed.bad) this.warn(`timeline: unreadable line at byte ${line.offset} skipped (a torn write?)`);
    this.streamOrder.note(added);
    this.signals.added(added);
  }

  private warn(message: string): void {
    this.warnings.push(message);
    this.signals.warn(message);
  }
}
