import type { LogsFlush, LogSourceStatus, SourceErrorNote } from '../logs/hub.js';
import type { LogRingBuffer } from '../logs/ring-buffer.js';
import type { SliceCreator } from './slice.js';

/** The merged log stream as the pane reads it. */
export interface LogsData {
  /** The ring the hub appends to (a stable reference; `version` says when it changed). */
  ring: LogRingBuffer | null;
  /** Bumped once per flush: what views subscribe to. */
  version: number;
  sources: LogSourceStatus[];
  sourceErrors: SourceErrorNote[];
}

/** The log stream and what can be done with its lines (the pane keeps its own cursor and filters). */
export interface LogsSlice {
  logs: LogsData;
  /** Writes a line to the timeline as evidence; set by the log capability while it runs. */
  logsEvidence: ((seq: number) => boolean) | null;
  /** Masks secrets in a line before it is shown (the console's redactor); null shows lines as they are. */
  logsRedact: ((text: string) => string) | null;
  /** One batch from the hub: one store commit. */
  logsFlushed: (flush: LogsFlush) => void;
  /** Connects (or disconnects, with null) the evidence writer and the redactor. */
  setLogsEvidence: (mark: ((seq: number) => boolean) | null, redact?: ((text: string) => string) | null) => void;
  /** Marks line `seq` (the pane's selection) as evidence on the timeline; says what happened, for the pane to show. */
  markLogEvidence: (seq: number) => string;
}

/** Builds the logs slice. */
export const createLogsSlice: SliceCreator<LogsSlice> = (set, get) => ({
  logs: { ring: null, version: 0, sources: [], sourceErrors: [] },
  logsEvidence: null,
  logsRedact: null,
  logsFlushed: (flush) =>
    set({ logs: { ring: flush.ring, version: get().logs.version + 1, sources: flush.sources, sourceErrors: flush.sourceErrors } }),
  setLogsEvidence: (mark, redact = null) => set({ logsEvidence: mark, logsRedact: redact }),
  markLogEvidence: (seq) => {
    const mark = get().logsEvidence;
    if (mark === null) return 'no timeline to mark evidence in';
    return mark(seq) ? 'line marked as evidence on the timeline' : 'that line has scrolled out of the buffer';
  },
});
