// A TimelineRecorder that keeps events in memory, for the log tests.
import type { EventKind, TimelineRecorder } from '../../src/timeline/recorder.js';

/** A recorded event. */
export interface RecordedEvent {
  kind: EventKind;
  data: Record<string, unknown>;
}

/** Records events in an array. */
export function memoryRecorder(): TimelineRecorder & { events: RecordedEvent[] } {
  const events: RecordedEvent[] = [];
  return { events, record: (kind, data) => events.push({ kind, data }) };
}
