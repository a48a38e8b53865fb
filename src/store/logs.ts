import type { LogsFlush, LogSourceStatus, SourceErrorNote } from '../logs/hub.js';
import { INITIAL_LOGS_PANE, markedLine, reduceLogsPane, type LogsPaneAction, type LogsPaneState } from '../logs/pane-state.js';
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

/** The log stream, the pane's state, and their actions. */
export interface LogsSlice {
  logs: LogsData;
  logsPane: LogsPaneState;
  /** Writes a line to the timeline as evidence; set by the log capability while it runs. */
  logsEvidence: ((seq: number) => boolean) | null;
  /** Masks secrets in a line before it is shown (the console's redactor); null shows lines as they are. */
  logsRedact: ((text: string) => string) | null;
  /** One batch from the hub: one store commit. */
  logsFlushed: (flush: LogsFlush) => void;
  /** Connects (or disconnects, with null) the evidence writer and the redactor. */
  setLogsEvidence: (mark: ((seq: number) => boolean) | null, redact?: ((text: string) => string) | null) => void;
  /** Applies a pane key; `height` is the lines the pane shows. */
  logsDispatch: (action: LogsPaneAction, height: number) => void;
  /** Marks the selected (else bottom) line as evidence; says what happened in the pane. */
  logsMarkEvidence: (height: number) => void;
}

/** Builds the logs slice. */
export const createLogsSlice: SliceCreator<LogsSlice> = (set, get) => ({
  logs: { ring: null, version: 0, sources: [], sourceErrors: [] },
  logsPane: INITIAL_LOGS_PANE,
  logsEvidence: null,
  logsRedact: null,
  logsFlushed: (flush) =>
    set({ logs: { ring: flush.ring, version: get().logs.version + 1, sources: flush.sources, sourceErrors: flush.sourceErrors } }),
  setLogsEvidence: (mark, redact = null) => set({ logsEvidence: mark, logsRedact: redact }),
  logsDispatch: (action, height) => {
    const { ring } = get().logs;
    if (ring === null) return;
    set({ logsPane: reduceLogsPane(get().logsPane, action, ring, height) });
  },
  logsMarkEvidence: (height) => {
    const { logs, logsPane, logsEvidence } = get();
    const seq = logs.ring ? markedLine(logs.ring, logsPane) : -1;
    let text: string;
    if (seq === -1) text = 'no line to mark';
    else if (logsEvidence === null) text = 'no timeline to mark evidence in';
    else text = logsEvidence(seq) ? 'line marked as evidence on the timeline' : 'that line has scrolled out of the buffer';
    set({ logsPane: reduceLogsPane(logsPane, { type: 'message', text }, logs.ring!, height) });
  },
});
