// `rolling: true`: one instance at a time, each waiting for its checks to be UP (up to the
// action's timeout) before the next; the first failure stops the roll.
import type { ActionConfig, ActionTarget } from '../config/types.js';
import { formatDuration } from '../time/duration-text.js';
import type { InstanceHealth } from './instance-health.js';
import { runTarget, type TargetResult, type TargetRunContext } from './target-run.js';

/** Runs targets in order, waiting for each instance to be UP; stops at the first failure. */
export async function runRolling(
  context: TargetRunContext,
  targets: readonly ActionTarget[],
  health: InstanceHealth,
  onProgress: (progress: string) => void,
): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  for (const [index, target] of targets.entries()) {
    const name = target.instance ?? target.host ?? 'local';
    onProgress(`${index}/${targets.length} · ${name} running`);
    const result = await runTarget(context, target);
    results.push(result);
    if (!result.ok) break;
    if (context.dryRun) continue;
    onProgress(`${index}/${targets.length} · ${name} waiting for UP`);
    context.onLine(`… waiting up to ${formatDuration(context.action.timeoutMs)} for ${context.action.service} ${name} to be UP`);
    const up = await health.waitUntilUp(context.action.service, target.instance, context.action.timeoutMs, context.signal);
    if (!up) {
      result.ok = false;
      result.cancelled = context.signal.aborted;
      result.failure = context.signal.aborted ? 'cancelled while waiting for UP' : `not UP after ${formatDuration(context.action.timeoutMs)}`;
      break;
    }
    context.onLine(`✔ ${context.action.service} ${name} is UP`);
  }
  onProgress(`${results.filter((r) => r.ok).length}/${targets.length}`);
  return results;
}

function pastTense(action: string): string {
  if (action === 'restart') return 'restarted';
  if (action === 'rollback') return 'rolled back';
  return 'done';
}

/** The result in words: "2/3 restarted, app-3 failed: exit 1", or one target's exit and duration. */
export function summarize(action: ActionConfig, targets: readonly ActionTarget[], results: readonly TargetResult[]): string {
  const dry = results.some((r) => r.dryRun) ? ' (dry-run)' : '';
  const failed = results.find((r) => !r.ok);
  if (targets.length === 1) {
    const only = results[0];
    const name = `${action.name} ${action.service}${only?.instance ? ` ${only.instance}` : ''}`;
    if (!only) return `${name}: not run`;
    if (only.dryRun) return `${name}: dry-run, nothing executed`;
    return `${name}: ${only.failure ?? `exit ${only.exitCode}`} in ${formatDuration(only.durationMs)}`;
  }
  const okCount = results.filter((r) => r.ok).length;
  const head = `${action.service}: ${okCount}/${targets.length} ${pastTense(action.name)}${dry}`;
  if (!failed) return head;
  const notRun = targets.length - results.length;
  return `${head}, ${failed.instance ?? failed.target} failed: ${failed.failure ?? 'failed'}${notRun > 0 ? ` (${notRun} not run)` : ''}`;
}
