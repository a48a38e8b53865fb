// What the lead sees before an action runs: the exact command (secrets redacted), where it runs,
// which instances, and how to confirm. Built here (headless) so the tests read the same words.
import type { ActionConfig, ActionTarget, HostConfig } from '../config/types.js';
import { formatDuration } from '../time/duration-text.js';
import type { Redactor } from '../text/redact.js';
import { destructiveMatch } from './destructive.js';
import { targetLabel } from './target-label.js';

/** How an action must be confirmed, and the dialog text that says what and where. */
export interface ActionConfirmation {
  /** `typed` when configured so or when a command matches a destructive pattern. */
  required: 'none' | 'yes' | 'typed';
  title: string;
  lines: string[];
  /** The text to type for a typed confirmation: the service name. */
  mustType?: string;
  /** The destructive pattern matched, if any. */
  destructive: string | null;
}

/** Settings the confirmation text depends on. */
export interface ConfirmationContext {
  hosts: Record<string, HostConfig>;
  redactor: Redactor;
  dryRun: boolean;
}

/** Builds the confirmation for running `action` on `targets`. */
export function buildConfirmation(action: ActionConfig, targets: readonly ActionTarget[], context: ConfirmationContext): ActionConfirmation {
  const destructive = targets.map((t) => destructiveMatch(t.run)).find((m) => m !== null) ?? null;
  const required = destructive ? 'typed' : action.confirm;
  const commands = new Set(targets.map((t) => t.run));
  const lines: string[] = [];
  if (commands.size === 1) lines.push(`Command:   ${context.redactor(targets[0]?.run ?? '')}`);
  for (const t of targets) {
    const where = targetLabel(t.host, context.hosts);
    const name = t.instance ? `${t.instance} → ` : '';
    const host = t.host && t.host !== t.instance && where !== t.host ? `${t.host} ` : '';
    lines.push(`Runs on:   ${name}${host}${where}${commands.size > 1 ? `: ${context.redactor(t.run)}` : ''}`);
  }
  const instances = targets.map((t) => t.instance).filter((i): i is string => Boolean(i));
  if (instances.length > 0) {
    const how = action.rolling && targets.length > 1 ? ' (rolling: one at a time, each must be UP before the next)' : '';
    lines.push(`Instances: ${instances.join(', ')}${how}`);
  }
  lines.push(`Timeout:   ${formatDuration(action.timeoutMs)}${action.rolling && targets.length > 1 ? ' per instance' : ''}`);
  if (destructive) lines.push(`⚠ destructive command (matches "${destructive}"): type the service name to confirm`);
  if (context.dryRun) lines.push('DRY-RUN: shown and recorded only; nothing is executed');
  const scope = instances.length === 1 ? ` on ${instances[0]}` : '';
  return {
    required,
    title: `${action.name} ${action.service}${scope}?`,
    lines,
    destructive,
    ...(required === 'typed' ? { mustType: action.service } : {}),
  };
}
