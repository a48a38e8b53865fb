// What the lead sees before a runbook step runs: every command whole (every line, never cut;
// the dialog wraps), control characters made visible, where it runs, each value handed to it
// (secrets by name only), and, when a command destroys data or cannot be read, a typed
// confirmation as destructive actions have.
import { analyseCommand, type DestructiveFinding } from '../exec/destructive.js';
import type { PreparedCommand } from './run-step.js';
import type { StepNotes } from './step-notes.js';

/** Where a placeholder's value came from, for the confirmation's wording. */
export type ValueSource = 'environment' | 'earlier' | 'typed';

/** The dialog for a step: title, body lines and, for destructive commands, what must be typed. */
export interface StepConfirmation {
  title: string;
  lines: string[];
  /** Set when the step needs a typed confirmation: the word to type. */
  mustType?: string;
  /** Set when a command cannot run at all (the dialog is not shown). */
  refused?: string;
}

const SOURCE_WORDS: Record<ValueSource, string> = { environment: 'from the environment', earlier: 'given earlier', typed: 'typed now' };

function valueLines(command: PreparedCommand, sources: Readonly<Record<string, ValueSource>>): string[] {
  return command.values.map((v) => {
    const source = sources[v.placeholder];
    const from = `${v.placeholder}${source ? `, ${SOURCE_WORDS[source]}` : ''}`;
    return v.shown === null ? `    ${v.variable}: secret, not shown (${from})` : `    ${v.variable}=${v.shown} (${from})`;
  });
}

/** Builds the confirmation for running `commands` of the step `stepText`. */
export async function confirmStep(
  stepText: string,
  commands: readonly PreparedCommand[],
  sources: Readonly<Record<string, ValueSource>>,
  dryRun: boolean,
  /** The author's words and warnings around each command (step-notes.ts). */
  notes?: StepNotes,
): Promise<StepConfirmation> {
  const title = `${dryRun ? '[dry-run] ' : ''}Run "${stepText}"${notes?.choice ? `, ${notes.choice}` : ''}?`;
  const blocked = commands.find((c) => c.problem !== undefined);
  if (blocked) return { title, lines: [], refused: `not run: ${blocked.problem}` };
  const lines: string[] = [...(notes?.head ?? [])];
  const findings: DestructiveFinding[] = [];
  let unreadable: string | undefined;
  for (const [k, command] of commands.entries()) {
    lines.push(...(notes?.before[k] ?? []));
    lines.push(command.host ? `on ${command.host} (SSH):` : 'locally:');
    lines.push(...(notes?.where[k] ?? []), ...(notes?.explain[k] ?? []));
    command.shown.split('\n').forEach((line, i) => lines.push(`${i === 0 ? '  $ ' : '    '}${line}`));
    lines.push(...(notes?.after[k] ?? []));
    if (command.values.length > 0) {
      lines.push(`  with values handed to the shell as data${command.host ? ' (sent on the SSH channel, not on the command line)' : ''}:`);
      lines.push(...valueLines(command, sources));
    }
    const exact = await analyseCommand(command.run);
    // What the values would make of it counts too (`kubectl <verb> pod` with verb=delete).
    const meant = command.meaning === command.run ? { findings: [] } : await analyseCommand(command.meaning);
    for (const found of [...exact.findings, ...meant.findings]) if (!findings.some((f) => f.command === found.command)) findings.push(found);
    unreadable ??= exact.unreadable;
  }
  lines.push(...(notes?.tail ?? []));
  const first = findings[0];
  if (first) {
    lines.push(`⚠ destructive: ${findings.map((f) => `${f.label} (${f.command})`).join('; ')}`);
    lines.push(`  type ${first.program} to confirm`);
    return { title, lines, mustType: first.program };
  }
  if (unreadable !== undefined) {
    lines.push(`⚠ could not read this command to check what it does (${unreadable}): type run to confirm`);
    return { title, lines, mustType: 'run' };
  }
  return { title, lines };
}
