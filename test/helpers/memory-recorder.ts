import type { EventKind, RecordOptions, TimelineRecorder } from '../../src/timeline/recorder.js';

/** One event kept by the in-memory recorder. */
export interface RecordedEvent {
  kind: EventKind;
  data: Record<string, unknown>;
  at: number;
  backfilled: boolean;
}

/** Keeps events in memory, for tests that look at what was recorded. */
export class MemoryRecorder implements TimelineRecorder {
  readonly events: RecordedEvent[] = [];

  record(kind: EventKind, data: Record<string, unknown>, options: RecordOptions = {}): void {
    this.events.push({ kind, data, at: options.at ?? Date.now(), backfilled: options.backfilled ?? false });
  }

  /** Events of one kind. */
  ofKind(kind: EventKind): RecordedEvent[] {
    return this.events.filter((event) => event.kind === kind);
  }
}
