// What the lead sees before an action runs: the exact command the shell receives (control
// characters made visible, secrets redacted), the values its `${NAME}` references read (secret
// ones by name only), where it runs, which instances, and how to confirm. Built here (headless)
// so the tests read the same words.
import type { ActionConfig, ActionTarget, HostConfig } from '../config/types.js';
import { shellQuote } from '../exec/command-env.js';
import { analyseCommand } from '../exec/destructive.js';
import { APPROVAL, neutralise } from '../text/neutralise.js';
import { isSecretEnvName } from '../text/secret-env.js';
import { formatDuration } from '../time/duration-text.js';
import type { Redactor } from '../text/redact.js';
import { targetLabel } from './target-label.js';

/** How an action must be confirmed, and the dialog text that says what and where. */
export interface ActionConfirmation {
  /** `typed` when configured so, or when a command destroys data or cannot be read. */
  required: 'none' | 'yes' | 'typed';
  title: string;
  lines: string[];
  /** The text to type for a typed confirmation: the service name. */
  mustType?: string;
  /** What makes it destructive ("rm -r (rm -rf /srv/cache)"), or why it could not be read; null when neither. */
  destructive: string | null;
}

/** Settings the confirmation text depends on. */
export interface ConfirmationContext {
  hosts: Record<string, HostConfig>;
  redactor: Redactor;
  dryRun: boolean;
}

/** The lines naming the values a target's command reads: `NAME='value'`, or `NAME: secret, not shown`. */
function valueLines(target: ActionTarget, redactor: Redactor): string[] {
  return Object.entries(target.env ?? {}).map(([name, value]) => {
    if (value === null) return `           ${name}: not set (its default applies)`;
    if (isSecretEnvName(name)) return `           ${name}: secret, not shown`;
    return `           ${name}=${neutralise(redactor(shellQuote(value)), APPROVAL)}`;
  });
}

/** What makes a command need typed confirmation: its destructive commands, or why it could not be read. */
async function danger(run: string): Promise<string | null> {
  const analysis = await analyseCommand(run);
  if (analysis.findings.length > 0) return analysis.findings.map((f) => `${f.label} (${neutralise(f.command, APPROVAL)})`).join('; ');
  return analysis.unreadable !== undefined ? `could not be read to check what it does: ${analysis.unreadable}` : null;
}

/** Builds the confirmation for running `action` on `targets` (the shell parser is loaded on first use). */
export async function buildConfirmation(action: ActionConfig, targets: readonly ActionTarget[], context: ConfirmationContext): Promise<ActionConfirmation> {
  const commands = [...new Set(targets.map((t) => t.run))];
  const dangers = (await Promise.all(commands.map(danger))).filter((d): d is string => d !== null);
  const destructive = dangers[0] ?? null;
  const required = destructive ? 'typed' : action.confirm;
  const show = (run: string) => neutralise(context.redactor(run), APPROVAL);
  const lines: string[] = [];
  if (commands.length === 1) lines.push(...show(commands[0] ?? '').split('\n').map((l, i) => `${i === 0 ? 'Command:   ' : '           '}${l}`));
  for (const t of targets) {
    const where = targetLabel(t.host, context.hosts);
    const name = t.instance ? `${t.instance} → ` : '';
    const host = t.host && t.host !== t.instance && where !== t.host ? `${t.host} ` : '';
    lines.push(`Runs on:   ${name}${host}${where}${commands.length > 1 ? `: ${show(t.run)}` : ''}`);
  }
  const first = targets[0];
  if (first?.env && Object.keys(first.env).length > 0) {
    lines.push(`Values:    handed to the shell as data${targets.some((t) => t.host) ? ' (over SSH on the channel, not on the command line)' : ''}:`);
    lines.push(...valueLines(first, context.redactor));
  }
  const instances = targets.map((t) => t.instance).filter((i): i is string => Boolean(i));
  if (instances.length > 0) {
    const how = action.rolling && targets.length > 1 ? ' (rolling: one at a time, each must be UP before the next)' : '';
    lines.push(`Instances: ${instances.join(', ')}${how}`);
  }
  lines.push(`Timeout:   ${formatDuration(action.timeoutMs)}${action.rolling && targets.length > 1 ? ' per instance' : ''}`);
  if (destructive) lines.push(`⚠ destructive: ${destructive}: type the service name to confirm`);
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
