// One runbook command run the way the pane shows it: registered as running work (the header
// counts it, `:cancel` stops it), its output streamed into the pane at the console's commit beat,
// and its end (exit code, time, cancelled, error) left in the pane. A dry run shows that nothing
// was executed. Progress on the timeline is the controller's.
import type { OutputTail } from '../exec/output-tail.js';
import type { Executor } from '../exec/types.js';
import type { Redactor } from '../text/redact.js';
import type { RunbookHost } from './host.js';
import type { RunbookOutput } from './output.js';
import { runPreparedCommand, type PreparedCommand, type StepRunOutcome } from './run-step.js';

/** How a shown run goes: where, for how long, stoppable through what. */
export interface ShownRunOptions {
  /** The run's id in the console's running work (`runbook:LINE`). */
  id: string;
  executor: Executor;
  redactor: Redactor;
  timeoutMs: number;
  signal: AbortSignal;
  /** What `:cancel` calls while it runs. */
  cancel: () => void;
  /** Why the command never ends by itself (shown; it streams until stopped). */
  endless?: string;
}

/** The pane's output for a command that starts now. */
function startingOutput(id: string, command: PreparedCommand, endless: string | undefined): RunbookOutput {
  return {
    id,
    shown: command.shown,
    startedAt: Date.now(),
    lines: [],
    dropped: 0,
    running: true,
    exitCode: null,
    durationMs: 0,
    ...(command.host ? { host: command.host } : {}),
    ...(endless ? { endless } : {}),
  };
}

/** Shows a dry run: the command as it would run, and that it was not executed. */
export function showDryRun(host: RunbookHost, id: string, command: PreparedCommand, endless?: string): void {
  host.getState().setRunbook({ output: { ...startingOutput(id, command, endless), running: false, dryRun: true, lines: ['[dry-run] not executed'] } });
}

/** Runs `command`, streaming its output into the pane; resolves with how it ended. */
export async function runShown(host: RunbookHost, command: PreparedCommand, options: ShownRunOptions): Promise<StepRunOutcome> {
  const base = startingOutput(options.id, command, options.endless);
  host.getState().setRunning(options.id, { description: `runbook: ${command.shown.split('\n')[0]}`, cancel: options.cancel });
  host.getState().setRunbook({ output: base });
  let tail: OutputTail | null = null;
  // Streamed output reaches the store at the pacer's beat, in the same frame as everything else.
  const flush = () => {
    const output = host.getState().runbook.output;
    if (output?.running && tail) host.getState().setRunbook({ output: { ...output, lines: tail.last(), dropped: tail.dropped } });
  };
  try {
    const outcome = await runPreparedCommand(options.executor, command, {
      redactor: options.redactor,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onLine: (_line, output) => {
        tail = output;
        host.pacer.request(flush);
      },
    });
    host.getState().setRunbook({
      output: {
        ...base,
        lines: outcome.output.last(),
        dropped: outcome.output.dropped,
        running: false,
        exitCode: outcome.exitCode,
        durationMs: outcome.durationMs,
        ...(outcome.cancelled ? { cancelled: true } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
      },
    });
    return outcome;
  } finally {
    host.pacer.cancel(flush);
    host.getState().setRunning(options.id, null);
  }
}
