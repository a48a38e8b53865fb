// `warroom runbook FILE [--json]`: how a Markdown runbook parses, so a team can see what the
// console will offer before an incident, and fix what it reads wrongly.
import type { Command as Program } from 'commander';
import { keyFor } from '../keys/keymap.js';
import { checkRunbook, type RunbookCheckOptions, type RunbookProblem } from '../runbooks/check.js';
import { loadRunbook } from '../runbooks/load.js';
import { choiceOf, descriptionBesideChoice, labelsChoice } from '../runbooks/alternatives.js';
import type { Command, Instruction, Runbook, Step } from '../runbooks/model.js';
import { sectionLabel } from '../runbooks/outline.js';
import { neutralise } from '../text/neutralise.js';
import { terminalSafeJson } from '../text/json.js';
import { createRedactor, redactData } from '../text/redact.js';
import type { RegisterCommand } from './commands.js';
import { UsageError } from './usage-error.js';

export { checkRunbook, type RunbookProblem };

/** One command as `--json` shows it. */
function commandJson(command: Command, index: number, step: Step): Record<string, unknown> {
  const choice = choiceOf(step, index);
  return {
    run: command.run,
    ...(command.host !== undefined ? { host: command.host } : {}),
    placeholders: command.placeholders,
    ...(command.description !== undefined ? { description: command.description } : {}),
    ...(command.endless !== undefined ? { endless: command.endless } : {}),
    ...(choice ? { choice: choice.label } : {}),
    line: command.line,
  };
}

/** A step's instructions and commands in the order the author wrote them. */
function flowJson(step: Step): Record<string, unknown>[] {
  const flow: Record<string, unknown>[] = [];
  const instructions = [...step.instructions];
  step.commands.forEach((command, index) => {
    while (instructions.length > 0 && instructions[0]!.before <= index) flow.push(instructionJson(instructions.shift()!));
    flow.push({ kind: 'command', index, run: command.run, line: command.line });
  });
  for (const rest of instructions) flow.push(instructionJson(rest));
  return flow;
}

function instructionJson(instruction: Instruction): Record<string, unknown> {
  return { kind: 'instruction', text: instruction.text, line: instruction.line, before: instruction.before };
}

/**
 * The `--json` shape, which scripts can rely on: per section its label (with the parent heading)
 * and symptoms; per step its commands, its instructions, both in order as `flow`, and its
 * `alternatives` (a step that holds choices lists them, each naming the commands it runs by index).
 */
export function runbookJson(runbook: Runbook): unknown {
  return {
    title: runbook.title,
    sections: runbook.sections.map((section, index) => ({
      title: section.title,
      label: sectionLabel(runbook, index),
      level: section.level,
      line: section.line,
      symptoms: section.symptoms,
      steps: section.steps.map((step) => ({
        text: step.text,
        line: step.line,
        done: step.done,
        commands: step.commands.map((c, i) => commandJson(c, i, step)),
        instructions: step.instructions,
        flow: flowJson(step),
        alternatives: step.alternatives,
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
  runbook.sections.forEach((section, index) => {
    at(section.line, `${'#'.repeat(Math.max(1, section.level))} ${sectionLabel(runbook, index)}`);
    if (section.symptoms.length > 0) out.push(`       symptoms: ${section.symptoms.join('; ')}`);
    section.steps.forEach((step, i) => {
      const choices = step.alternatives.length > 0 ? `   (${step.alternatives.length} choices: run one)` : '';
      at(step.line, `  ${i + 1}. [${step.done ? 'x' : ' '}] ${step.text}${choices}`);
      const headed = new Set<number>();
      // A choice's label heads it, before the instructions written under the label.
      const head = (index: number) => {
        const choice = step.alternatives.find((a) => a.commands[0] === index);
        if (!choice || headed.has(index)) return;
        headed.add(index);
        at(choice.line, `     ◇ choice ${step.alternatives.indexOf(choice) + 1}: ${choice.label}`);
      };
      for (const item of flowJson(step)) {
        if (item.kind === 'instruction') {
          head(Number(item.before));
          if (labelsChoice(step, { text: String(item.text), before: Number(item.before) })) continue;
          const [first, ...rest] = String(item.text).split('\n');
          at(Number(item.line), `       » ${first}`);
          for (const line of rest) out.push(`         ${line}`);
          continue;
        }
        const command = step.commands[Number(item.index)]!;
        head(Number(item.index));
        const [first, ...rest] = command.run.split('\n');
        const where = command.host ? `   @${command.host}` : '';
        const description = descriptionBesideChoice(step, Number(item.index));
        if (description) out.push(`            # ${description.split('\n').join('\n              ')}`);
        at(command.line, `       $ ${first}${where}`);
        for (const line of rest) out.push(`           ${line}`);
        if (command.placeholders.length > 0) out.push(`           asks for: ${command.placeholders.join(', ')}`);
        if (command.endless) out.push(`           never ends by itself: ${command.endless} (runs as a live stream until Esc or :cancel)`);
      }
      for (const reference of step.references) {
        at(reference.line, `       [${reference.lang || 'text'} reference${reference.metricsPanel ? `, can be added as a metrics panel: press ${keyFor('runbook.add-panel')} on the step in the runbook pane` : ''}]`);
      }
    });
    for (const table of section.tables) {
      at(table.line, `  table (${table.kind}): ${table.headers.join(' | ')}`);
      for (const row of table.rows) out.push(`           ${row.join(' | ')}`);
    }
  });
  if (runbook.severities.length > 0) {
    out.push('', 'Severity levels:');
    for (const s of runbook.severities) {
      const response = s.response !== '' ? `: respond within ${s.response}` : '';
      at(s.line, `  ${s.level}${response}${s.description ? ` — ${s.description}` : ''}`);
    }
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
