// What a journal says about the shared stream (src/share): the last stream sequence it applied,
// and where in the stream each of its events is. Both live in the journal itself: events that
// came from the stream carry their sequence, and `share.synced` lines (kept out of the timeline
// and exports) record this console's events the stream acknowledged, and the sequence reached.
// Every console orders equal times by stream sequence, so knowing it for its own events too
// makes the order the same everywhere.
import { isBookkeeping, type TimelineEvent } from './event.js';

/** The journal kind of sync bookkeeping lines. */
export const SYNC_KIND = 'share.synced';

/** The journal's view of the stream. */
export interface SyncState {
  /** Highest stream sequence applied (0: nothing yet). */
  lastApplied: number;
  /** Event id → stream sequence, for every event known to be in the stream. */
  inStream: Map<string, number>;
}

/** The acknowledged pairs of one sync line (ill-formed entries skipped). */
function ackedPairs(event: TimelineEvent): [string, number][] {
  const { acked } = event.data;
  if (!Array.isArray(acked)) return [];
  return acked.filter((pair): pair is [string, number] => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'number');
}

/** Reads the sync state from a journal's events (any order). */
export function readSyncState(events: readonly TimelineEvent[]): SyncState {
  const inStream = new Map<string, number>();
  let lastApplied = 0;
  for (const event of events) {
    if (typeof event.seq === 'number') {
      inStream.set(event.id, event.seq);
      lastApplied = Math.max(lastApplied, event.seq);
    }
    if (event.kind !== SYNC_KIND) continue;
    if (typeof event.data.upTo === 'number') lastApplied = Math.max(lastApplied, event.data.upTo);
    for (const [id, seq] of ackedPairs(event)) inStream.set(id, seq);
  }
  return { lastApplied, inStream };
}

/** Whether any of a journal's events is known to be in the shared stream (it was shared from here). */
export function everShared(events: readonly TimelineEvent[]): boolean {
  const state = readSyncState(events);
  return state.lastApplied > 0 || state.inStream.size > 0;
}

/** Local events not known to be in the stream, in journal order: what the outbox sends. */
export function unsyncedEvents(events: readonly TimelineEvent[], state: SyncState): TimelineEvent[] {
  return events.filter((e) => typeof e.seq !== 'number' && !state.inStream.has(e.id) && !isBookkeeping(e));
}

/** Gives this console's own events their stream sequence from the sync lines, as they come. */
export class StreamOrder {
  private readonly byId = new Map<string, TimelineEvent>();
  /** Sequences whose event is not known yet (a sync line read before its event). */
  private readonly early = new Map<string, number>();

  /** Notes events in the order the journal learns of them. */
  note(events: readonly TimelineEvent[]): void {
    for (const event of events) {
      if (event.kind === SYNC_KIND) {
        for (const [id, seq] of ackedPairs(event)) {
          const known = this.byId.get(id);
          if (known) {
            known.seq = seq;
            this.byId.delete(id);
          } else this.early.set(id, seq);
        }
      } else if (typeof event.seq !== 'number' && !isBookkeeping(event)) {
        const seq = this.early.get(event.id);
        if (seq === undefined) this.byId.set(event.id, event);
        else {
          event.seq = seq;
          this.early.delete(event.id);
        }
      }
    }
  }
}

/** Gives the events of a journal read whole their stream sequences (for exports and reopening). */
export function withStreamOrder<T extends TimelineEvent[]>(events: T): T {
  if (events.some((e) => e.kind === SYNC_KIND)) new StreamOrder().note(events);
  return events;
}
