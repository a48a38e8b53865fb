// One target of an action: the command run once through the Executor, bracketed by the
// 'action.started' and 'action.finished' timeline events (redacted; dry-run executes nothing).
import type { ActionConfig, ActionTarget, HostConfig } from '../config/types.js';
import type { Executor } from '../exec/types.js';
import { formatDuration } from '../time/duration-text.js';
import type { Redactor } from '../text/redact.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { cleanOutputLine, OutputTail } from '../exec/output-tail.js';
import { targetLabel } from './target-label.js';

/** Lines of output kept in the 'action.finished' event. */
export const TIMELINE_TAIL_LINES = 20;

/** What one target's run needs. */
export interface TargetRunContext {
  executor: Executor;
  recorder: TimelineRecorder;
  redactor: Redactor;
  hosts: Record<string, HostConfig>;
  action: ActionConfig;
  dryRun: boolean;
  signal: AbortSignal;
  /** Each output line, already neutralised and redacted. */
  onLine: (line: string) => void;
  now: () => number;
}

/** How one target's run ended. */
export interface TargetResult {
  instance?: string;
  target: string;
  ok: boolean;
  exitCode: number | null;
  durationMs: number;
  tail: string[];
  cancelled: boolean;
  timedOut: boolean;
  dryRun: boolean;
  /** Why it failed, in words ("exit 1", "timed out after 1m00s"), or null. */
  failure: string | null;
}

function failureOf(result: { exitCode: number | null; signal: string | null; timedOut: boolean; cancelled: boolean; error?: string }, timeoutMs: number): string | null {
  if (result.cancelled) return 'cancelled';
  if (result.timedOut) return `timed out after ${formatDuration(timeoutMs)}`;
  if (result.error) return result.error;
  if (result.exitCode === 0) return null;
  if (result.exitCode !== null) return `exit ${result.exitCode}`;
  return result.signal ? `killed by ${result.signal}` : 'ended without an exit code';
}

/** Runs the action on one target and records its start and finish. Never throws for command failures. */
export async function runTarget(context: TargetRunContext, target: ActionTarget): Promise<TargetResult> {
  const { action, redactor } = context;
  const where = targetLabel(target.host, context.hosts);
  const base = {
    service: action.service,
    action: action.name,
    target: where,
    ...(target.instance ? { instance: target.instance } : {}),
    command: redactor(target.run),
  };
  const dry = context.dryRun ? { dryRun: true } : {};
  context.recorder.record('action.started', { ...base, timeoutMs: action.timeoutMs, ...dry });
  const started = context.now();
  if (context.dryRun) {
    context.onLine(`[dry-run] would run on ${where}: ${base.command}`);
    context.recorder.record('action.finished', { ...base, exitCode: null, durationMs: 0, outputTail: [], dryRun: true });
    return { instance: target.instance, target: where, ok: true, exitCode: null, durationMs: 0, tail: [], cancelled: false, timedOut: false, dryRun: true, failure: null };
  }
  const tail = new OutputTail({ maxLines: TIMELINE_TAIL_LINES, clean: { redactor } });
  let result;
  try {
    result = await context.executor.run(target.run, {
      ...(target.host ? { host: target.host } : {}),
      ...(target.env ? { env: target.env } : {}),
      timeoutMs: action.timeoutMs,
      signal: context.signal,
      onLine: (line) => context.onLine(tail.push(line)),
    });
  } catch (error) {
    // The Executor reports failures as results; a throw is unexpected, but must still be recorded.
    result = { exitCode: null, signal: null, stdout: '', stderr: '', durationMs: context.now() - started, timedOut: false, cancelled: context.signal.aborted, droppedBytes: 0, error: (error as Error).message };
  }
  // An executor that keeps output but does not stream it still leaves a tail to show.
  if (tail.total === 0) {
    for (const line of `${result.stdout}\n${result.stderr}`.split(/\r?\n/)) if (line) context.onLine(tail.push(line));
  }
  const failure = failureOf(result, action.timeoutMs);
  const error = result.error ? cleanOutputLine(result.error, { redactor }) : undefined;
  const outputTail = tail.last(TIMELINE_TAIL_LINES);
  context.recorder.record('action.finished', {
    ...base,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    outputTail,
    ...(result.signal ? { signal: result.signal } : {}),
    ...(result.cancelled ? { cancelled: true } : {}),
    ...(result.timedOut ? { timedOut: true } : {}),
    ...(error ? { error } : {}),
  });
  return {
    instance: target.instance,
    target: where,
    ok: failure === null,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    tail: outputTail,
    cancelled: result.cancelled,
    timedOut: result.timedOut,
    dryRun: false,
    failure: failure === null ? null : cleanOutputLine(failure, { redactor }),
  };
}
