// One shape for "a run's output", whatever ran: an action on its targets or a runbook step. The
// output overlay (`O`) draws this, so both kinds read, scroll, search and cancel the same way.
import type { ActionRunView } from '../../src/actions/types.js';
import type { RunbookOutput } from '../../src/runbooks/output.js';
import { formatDuration } from '../../src/time/duration-text.js';
import type { Tone } from '../theme/theme.js';

/** A run's output as the overlay shows it. */
export interface RunDoc {
  /** Which run this is (scroll and search start fresh for another). */
  key: string;
  /** Its id in the console's running work, to cancel it. */
  runId: string;
  /** State, what ran and for how long ("⟳ running restart checkout-api · 12s"). */
  title: string;
  tone: Tone;
  command: string;
  where: string;
  lines: readonly string[];
  dropped: number;
  running: boolean;
  /** The result in words, once finished (actions). */
  summary: string;
}

const STATE_WORD = { running: '⟳ running', succeeded: '✔ succeeded', failed: '✖ failed', cancelled: '■ cancelled', 'dry-run': '◌ dry-run' } as const;

const TONE = { running: 'warn', succeeded: 'good', failed: 'bad', cancelled: 'warn', 'dry-run': 'warn' } as const;

/** An action's run as a RunDoc. */
export function actionDoc(run: ActionRunView, now: number): RunDoc {
  const elapsed = formatDuration((run.finishedAt ?? now) - run.startedAt);
  return {
    key: run.id,
    runId: run.id,
    title: `${STATE_WORD[run.state]} ${run.action} ${run.service}${run.instance ? ` ${run.instance}` : ''} · ${elapsed}${run.progress ? ` · ${run.progress}` : ''}`,
    tone: TONE[run.state],
    command: run.command,
    where: run.target,
    lines: run.lines,
    dropped: run.dropped,
    running: run.state === 'running',
    summary: run.summary,
  };
}

/** A runbook step's command run as a RunDoc. */
export function runbookDoc(output: RunbookOutput, now: number): RunDoc {
  const state = output.dryRun ? 'dry-run' : output.running ? 'running' : output.cancelled ? 'cancelled' : output.exitCode === 0 ? 'succeeded' : 'failed';
  const exit = state === 'failed' ? ` (${output.exitCode === null ? 'no exit code' : `exit ${output.exitCode}`})` : '';
  const elapsed = formatDuration(output.running ? now - output.startedAt : output.durationMs);
  return {
    key: `${output.id}@${output.startedAt}`,
    runId: output.id,
    title: `${STATE_WORD[state]}${exit} runbook step · ${elapsed}`,
    tone: TONE[state],
    command: output.shown.split('\n')[0] ?? '',
    where: output.host ?? 'local',
    lines: output.lines,
    dropped: output.dropped,
    running: output.running,
    // A failure to start is the last line of the output already (cleaned there, unlike `error`).
    summary: '',
  };
}

/** Every run whose output is kept (the actions' recent runs, the runbook's last command), oldest first. */
export function keptRuns(actionRuns: readonly ActionRunView[], runbook: RunbookOutput | null, now: number): RunDoc[] {
  const runs = actionRuns.map((run) => ({ at: run.startedAt, doc: () => actionDoc(run, now) }));
  if (runbook) runs.push({ at: runbook.startedAt, doc: () => runbookDoc(runbook, now) });
  // Stable: an action and a step started in the same millisecond keep their order.
  return runs.sort((a, b) => a.at - b.at).map((run) => run.doc());
}
