// The output of a runbook step's command as the pane shows it: the runbook capability's own
// shape; the store keeps the latest one.

/** The output view of the last (or running) command. */
export interface RunbookOutput {
  /** The run's id (as in the console's running work while it runs). */
  id: string;
  /** The command as shown (secret placeholder values masked). */
  shown: string;
  /** Epoch ms the command started. */
  startedAt: number;
  /** Host it runs on; undefined means locally. */
  host?: string;
  /** The newest lines of output, neutralised and redacted, bounded (src/exec/output-tail.ts). */
  lines: string[];
  /** Earlier lines of output let go to keep within the bound. */
  dropped: number;
  running: boolean;
  exitCode: number | null;
  durationMs: number;
  error?: string;
  dryRun?: boolean;
  /** Why the command never ends by itself: it streams until the lead stops it. */
  endless?: string;
  /** Stopped by the lead (Esc, `:cancel`). */
  cancelled?: boolean;
}
