// `warroom runbook FILE [--json]`: how a Markdown runbook parses, so a team can see what the
// console will offer before an incident, and fix what it reads wrongly.
import type { Command as Program } from 'commander';
import { keyFor } from '../keys/keymap.js';
import { checkRunbook, type RunbookCheckOptions, type RunbookProblem } from '../runbooks/check.js';
import { loadRunbook } from '../runbooks/load.js';
import type { Runbook } from '../runbooks/model.js';
import { neutralise } from '../text/neutralise.js';
import { terminalSafeJson } from '../text/json.js';
import { createRedactor, redactData } from '../text/redact.js';
import type { RegisterCommand } from './commands.js';
import { UsageError } from './usage-error.js';

export { checkRunbook, type RunbookProblem };

/** The `--json` shape: only what the issue promises, so scripts can rely on it. */
export function runbookJson(runbook: Runbook): unknown {
  return {
    title: runbook.title,
    sections: runbook.sections.map((section) => ({
      title: section.title,
      level: section.level,
      line: section.line,
      steps: section.steps.map((step) => ({
        text: step.text,
        line: step.line,
        done: step.done,
        commands: step.commands.map((c) => ({ run: c.run, ...(c.host !== undefined ? { host: c.host } : {}), placeholders: c.placeholders })),
      })),
    })),
    severities: runbook.severities,
    escalation: runbook.escalation,
  };
}

/** The text listing: every line starts with its source line number, as an editor shows it. */
export function runbookText(runbook: Runbook): string {
  const out: string[] = [`${runbook.title}  (${runbook.file})`, ''];
  const at = (line: number, text: string) => out.push(`${String(line).padStart(5)}  ${text}`);
  for (const section of runbook.sections) {
    at(section.line, `${'#'.repeat(Math.max(1, section.level))} ${section.title}`);
    if (section.symptoms.length > 0) out.push(`       symptoms: ${section.symptoms.join('; ')}`);
    section.steps.forEach((step, i) => {
      at(step.line, `  ${i + 1}. [${step.done ? 'x' : ' '}] ${step.text}`);
      for (const command of step.commands) {
        const [first, ...rest] = command.run.split('\n');
        const where = command.host ? `   @${command.host}` : '';
        if (command.description) out.push(`            # ${command.description}`);
        at(command.line, `       $ ${first}${where}`);
        for (const line of rest) out.push(`           ${line}`);
        if (command.placeholders.length > 0) out.push(`           asks for: ${command.placeholders.join(', ')}`);
      }
      for (const reference of step.references) {
        at(reference.line, `       [${reference.lang || 'text'} reference${reference.metricsPanel ? `, can be added as a metrics panel: press ${keyFor('runbook.add-panel')} on the step in the runbook pane` : ''}]`);
      }
    });
    for (const table of section.tables) {
      at(table.line, `  table (${table.kind}): ${table.headers.join(' | ')}`);
      for (const row of table.rows) out.push(`           ${row.join(' | ')}`);
    }
  }
  if (runbook.severities.length > 0) {
    out.push('', 'Severity levels:');
    for (const s of runbook.severities) at(s.line, `  ${s.level}: respond within ${s.response}${s.description ? ` — ${s.description}` : ''}`);
  }
  if (runbook.escalation.length > 0) {
    out.push('', 'Escalation:');
    for (const e of runbook.escalation) at(e.line, `  ${e.after}: ${[e.contact, e.action].filter(Boolean).join(' — ')}`);
  }
  return out.join('\n') + '\n';
}

/** Parses a runbook file for `warroom check`; an unreadable file is itself a problem. */
export async function checkRunbookFile(
  path: string,
  knownHosts: Iterable<string> | ((host: string) => boolean),
  options: RunbookCheckOptions = {},
): Promise<RunbookProblem[]> {
  try {
    return checkRunbook(await loadRunbook(path), knownHosts, options);
  } catch (error) {
    return [{ file: path, line: 1, message: (error as Error).message }];
  }
}

/** What `warroom runbook FILE` prints; an unreadable file is a usage error (exit 2). */
export async function runbookReport(file: string, json: boolean): Promise<string> {
  let runbook: Runbook;
  try {
    runbook = await loadRunbook(file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Runbooks are outside text: printed through the text kit (controls visible, JSON escaped),
  // and a secret written in a command (a token, `curl -u user:pass`) is masked like anywhere else.
  const redactor = createRedactor();
  return json
    ? `${terminalSafeJson(redactData(runbookJson(runbook), redactor), 2)}\n`
    : redactor(neutralise(runbookText(runbook), { escapes: 'show', newlines: 'keep' }));
}

/** Registers `warroom runbook FILE`. */
export const registerRunbook: RegisterCommand = (program: Program) => {
  program
    .command('runbook')
    .description('print how a Markdown runbook parses into sections, steps and commands')
    .argument('<file>', 'the runbook (Markdown)')
    .option('--json', 'print JSON: { title, sections, severities, escalation }')
    .action(async (file: string, opts: { json?: boolean }) => {
      process.stdout.write(await runbookReport(file, opts.json === true));
    });
};
