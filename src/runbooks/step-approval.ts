// Everything between Enter on a step and its commands running: which of its choices (when the
// author offered alternatives), the values of its placeholders, the exact commands with secrets
// masked for the eye, and the confirmation showing exactly that (typed when a command destroys
// data). Any question answered with Esc, or a refusal, and nothing runs.
import { askConfirm } from '../mode/ask.js';
import type { Redactor } from '../text/redact.js';
import type { RunbookHost } from './host.js';
import type { HostDescriber } from './host-notes.js';
import type { Command, Step } from './model.js';
import { askPlaceholderValues } from './placeholder-prompt.js';
import { prepareCommand, type PreparedCommand } from './run-step.js';
import { chooseCommands, type Asker, type ChosenCommands } from './step-choice.js';
import { confirmStep } from './step-confirmation.js';
import { stepNotes } from './step-notes.js';

/** What the approval asks with and shows. */
export interface ApprovalOptions {
  asker: Asker;
  /** Offered as placeholder values (`$API_KEY`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Values given earlier this session (receives the new ones). */
  remembered: Record<string, string>;
  redactor: Redactor;
  dryRun: boolean;
  describeHost?: HostDescriber;
}

/** The approved commands, ready to run, with the source step's commands and the choice made. */
export interface ApprovedStep {
  commands: Command[];
  prepared: PreparedCommand[];
  choice?: ChosenCommands['choice'];
}

/** Asks what the step needs and confirms it; null when the lead stops or the step is refused. */
export async function approveStep(host: RunbookHost, step: Step, command: number, options: ApprovalOptions): Promise<ApprovedStep | null> {
  // A step whose commands are choices asks which one first (step-choice.ts).
  const chosen = await chooseCommands(options.asker, step, command);
  if (!chosen) return null;
  const commands = chosen.indexes.map((i) => step.commands[i]!);
  const asked = await askPlaceholderValues(host, commands, options.env, options.remembered);
  if (!asked) return null;
  // What is shown (confirmation, output header, timeline) has its secrets masked; `run` keeps them.
  const prepared = commands.map((c) => {
    const p = prepareCommand(c, asked.values);
    return { ...p, shown: options.redactor(p.shown) };
  });
  // The exact text each command runs, its values by name, and a typed confirmation when it
  // destroys data; around each, the author's words and warnings for the commands chosen.
  const notes = stepNotes({
    step,
    indexes: chosen.indexes,
    hosts: prepared.map((p) => p.host),
    ...(chosen.choice ? { choice: chosen.choice } : {}),
    ...(options.describeHost ? { describeHost: options.describeHost } : {}),
  });
  const confirmation = await confirmStep(step.text, prepared, asked.sources, options.dryRun, notes);
  if (confirmation.refused) {
    host.getState().showFlash(confirmation.refused, 'error');
    return null;
  }
  if (!(await askConfirm(host, confirmation))) return null;
  return { commands, prepared, ...(chosen.choice ? { choice: chosen.choice } : {}) };
}
