// What a log source hands its lines to, and how the hub controls it.

/** Where a source delivers what it reads; bound to one source id by the hub. */
export interface LineReceiver {
  /** A chunk of raw bytes from a file (split and neutralised by the receiver). */
  bytes(chunk: Uint8Array): void;
  /** The byte stream was replaced (rotation, truncation): emit any held partial line, start afresh. */
  restartBytes(): void;
  /** One complete raw line, as command streams deliver them. */
  line(text: string): void;
  /** A source error: a stderr line, a failed start, a missing file (shown marked, not mixed in silently). */
  error(text: string): void;
  /** A change of the source's state, for the pane ("waiting for file", "restarting in 4s"). */
  state(state: SourceState, detail?: string): void;
}

/** What a source is doing right now. */
export type SourceState = 'starting' | 'following' | 'waiting' | 'restarting' | 'disconnected' | 'stopped';

/** A running source of log lines. */
export interface LogSource {
  /** Starts reading; lines go to the receiver given at construction. */
  start(): void;
  /** Stops reading and releases files, watchers, timers and processes. */
  stop(): Promise<void>;
}
