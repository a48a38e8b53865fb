// The incident journal: the durable, shared record every capability writes through.
// An event is redacted, appended with one O_APPEND write and flushed to disk before anyone in
// this process sees it; events other processes append show up through the follower.
import { closeSync, constants, fdatasyncSync, openSync, writeSync } from 'node:fs';
import type { EventKind, RecordOptions, TimelineRecorder } from './recorder.js';
import { encodeEvent, newEventId, SCHEMA_VERSION, type TimelineEvent } from './event.js';
import { JournalFollower } from './follow.js';
import type { LoadedJournal, ParsedLines } from './journal-file.js';
import { redactData, redact, type Redactor } from '../text/redact.js';

/** Receives events as they become known (own ones after they are on disk). */
export type TimelineListener = (added: readonly TimelineEvent[]) => void;
/** Receives plain messages about the journal (torn lines, write failures). */
export type WarningListener = (message: string) => void;

/** How a journal is opened. */
export interface JournalOptions {
  /** Who this process records as (`--as NAME`, else `$USER@hostname`). */
  operator: string;
  /** @default the built-in patterns only */
  redactor?: Redactor;
  /** Follow other processes' appends. @default true */
  follow?: boolean;
  /** Size poll period of the follower. @default 300 */
  pollMs?: number;
}

/** One incident's journal, open for appending and following. */
export class TimelineJournal implements TimelineRecorder {
  /** Warnings found when it was opened (torn tail quarantined, unreadable lines). */
  readonly warnings: string[];
  readonly operator: string;
  private readonly fd: number;
  private readonly list: TimelineEvent[];
  private readonly ids: Set<string>;
  private readonly listeners = new Set<TimelineListener>();
  private readonly warningListeners = new Set<WarningListener>();
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
    this.list = loaded.events;
    this.ids = new Set(loaded.events.map((e) => e.id));
    this.warnings = [...loaded.warnings];
    this.fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    this.follower =
      options.follow === false ? null : new JournalFollower(path, loaded.size, (parsed) => this.adopt(parsed), options.pollMs);
  }

  /**
   * Appends an event and returns it once it is on disk. Synchronous on purpose: nothing may show
   * an event that a crash right after could lose. A failed write is reported, not thrown, so a
   * full disk does not take the console down; the event is then not published either.
   */
  record(kind: EventKind, data: Record<string, unknown>, options: RecordOptions = {}): TimelineEvent | null {
    if (this.closed) throw new Error(`timeline ${this.id} is closed`);
    const event: TimelineEvent = {
      v: SCHEMA_VERSION,
      id: newEventId(),
      ts: options.at ?? Date.now(),
      operator: this.operator,
      kind,
      data: redactData(data, this.redactor),
    };
    if (options.backfilled) event.backfilled = true;
    try {
      this.append(encodeEvent(event));
    } catch (error) {
      this.warn(`timeline write failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ${kind} not saved`);
      return null;
    }
    this.ids.add(event.id);
    this.list.push(event);
    this.emit([event]);
    return event;
  }

  /** Every event known so far, in the order this process learned of them. */
  events(): readonly TimelineEvent[] {
    return this.list;
  }

  /** The redactor this journal writes with, for views and exports to share. */
  get redact(): Redactor {
    return this.redactor;
  }

  /** Subscribes to new events; returns the unsubscribe function. */
  onEvents(listener: TimelineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to warnings; returns the unsubscribe function. */
  onWarning(listener: WarningListener): () => void {
    this.warningListeners.add(listener);
    return () => this.warningListeners.delete(listener);
  }

  /** Reads other processes' appends now instead of waiting for the watcher or the poll. */
  sync(): void {
    this.follower?.poll();
  }

  /** Stops following and closes the file; records nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.follower?.close();
    closeSync(this.fd);
  }

  private append(line: string): void {
    const bytes = Buffer.from(line);
    let written = 0;
    // One write is one line for concurrent appenders; a short write only happens when the disk
    // is full, and then finishing the line beats leaving it torn.
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    // fdatasync: the data and the size that makes it readable, without an extra inode flush.
    fdatasyncSync(this.fd);
  }

  private adopt(parsed: ParsedLines): void {
    const added = parsed.events.filter((e) => !this.ids.has(e.id));
    for (const e of added) {
      this.ids.add(e.id);
      this.list.push(e);
    }
    for (const line of parsed.bad) this.warn(`timeline: unreadable line at byte ${line.offset} skipped`);
    if (added.length > 0) this.emit(added);
  }

  private emit(added: readonly TimelineEvent[]): void {
    for (const listener of this.listeners) listener(added);
  }

  private warn(message: string): void {
    this.warnings.push(message);
    for (const listener of this.warningListeners) listener(message);
  }
}
