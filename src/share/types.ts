// The shared incident's own type names: what the store and the views show, and what a shared
// incident needs of the journal and reports to the console.
import type { TimelineEvent } from '../timeline/event.js';
import type { StreamedEvent } from './inbox.js';

/** Where the shared incident stands, for the header. */
export interface ShareStatus {
  /** connecting: first attempt; online; offline: unreachable (retrying); failed: gave up (auth, config). */
  state: 'connecting' | 'online' | 'offline' | 'failed';
  /** Local events not yet acknowledged by the stream. */
  unsynced: number;
  /** Why it is offline or failed. */
  detail: string | null;
  /** The other consoles that have the incident open (known while online). */
  present: Present[];
}

/** One other console that has the shared incident open. */
export interface Present {
  operator: string;
  /** Its mode: live, read-only, dry-run. */
  mode: string;
}

/** What a shared incident needs of the local journal (TimelineJournal has it). */
export interface ShareJournal {
  readonly id: string;
  readonly operator: string;
  events(): readonly TimelineEvent[];
  onEvents(listener: (added: readonly TimelineEvent[]) => void): () => void;
  /** Writes events read from the stream (with their sequence) unless already known. */
  importShared(batch: readonly StreamedEvent[]): void;
  /** Whether the journal knows an event id. */
  knows(id: string): boolean;
  /** Appends one sync bookkeeping line (not shown, not published). */
  recordSync(data: { upTo: number; acked: [string, number][] }): void;
}

/** What a shared incident reports to the console. */
export interface ShareReports {
  status: (status: ShareStatus) => void;
  warn: (message: string) => void;
}
