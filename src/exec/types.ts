// The one interface every command in warroom goes through, locally or over SSH: command checks,
// remote log tails, actions and runbook steps. Nothing else spawns processes or opens SSH
// connections by itself.
import type { CommandEnv } from './command-env.js';

export type { CommandEnv } from './command-env.js';

/** Options for running a command to completion. */
export interface RunOptions {
  /** Host name from the config's `hosts:` or ~/.ssh/config; undefined runs locally. */
  host?: string;
  /** Kill the command (whole process group / channel) after this long. @default 60000 */
  timeoutMs?: number;
  /** Aborting cancels the command the same way a timeout does. */
  signal?: AbortSignal;
  /** Bytes of stdout/stderr kept each (head and rolling tail); the rest is counted as dropped. @default 1048576 */
  maxOutputBytes?: number;
  /** Called with each complete output line as it arrives (for live output views). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Values the command's `${NAME}` expansions read, passed as data (see command-env.ts). */
  env?: CommandEnv;
}

/** What a finished command left behind. */
export interface RunResult {
  /** Exit code, or null when it ended by a signal or never started. */
  exitCode: number | null;
  /** Signal name when killed by one. */
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  /** Output bytes not kept because of `maxOutputBytes`. */
  droppedBytes: number;
  /** A plain message when it could not run at all ("app-1 (127.0.0.1:2222): connection refused"). */
  error?: string;
}

/** Options for a long-running streaming command (`tail -F`, `journalctl -f`). */
export interface StreamOptions {
  host?: string;
  /** Values the command's `${NAME}` expansions read, passed as data (see command-env.ts). */
  env?: CommandEnv;
  /** Each complete line, without its newline. */
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
  /**
   * The command ended by itself (it may be restarted by the caller). Not called after stop(), nor
   * when an SSH connection drops: the stream then waits for the host and starts the command again.
   */
  onExit?: (result: { exitCode: number | null; signal: string | null; error?: string }) => void;
  /** Connection notices for the timeline ("app-1: connection lost 14:02:11–14:02:19"). */
  onNotice?: (text: string) => void;
  /** The SSH connection dropped: no data until the command is started again on the host. */
  onInterrupted?: () => void;
}

/** A running stream; stop() ends it and its processes (remote ones by closing the channel). */
export interface StreamHandle {
  stop(): Promise<void>;
}

/** Per-host connection state, as the UI shows it. */
export interface HostState {
  host: string;
  state: 'idle' | 'connecting' | 'connected' | 'failed';
  reason?: string;
  since: number;
}

/** Runs and streams commands locally or on configured hosts. */
export interface Executor {
  run(command: string, options?: RunOptions): Promise<RunResult>;
  stream(command: string, options: StreamOptions): StreamHandle;
  /** Closes every connection and stops every stream. */
  close(): Promise<void>;
}
