// The author's words and the console's warnings that go into a runbook step's confirmation
// beside each command (step-confirmation.ts lays them out): which choice runs, what to do by
// hand first (instructions written in the block), what the command is for, where a host outside
// the config really connects, and that a command never ends. Only the chosen commands' words.
import { descriptionBesideChoice, instructionsByCommand, labelsChoice } from './alternatives.js';
import type { HostDescriber } from './host-notes.js';
import type { Alternative, Step } from './model.js';

/** Lines around each command of a confirmation, by its position among the commands run. */
export interface StepNotes {
  /** Before everything: the choice made. */
  head: string[];
  /** Before a command's "locally:" / "on HOST (SSH):" line: what to do by hand first. */
  before: string[][];
  /** Right after that line: where an unknown host really goes. */
  where: string[][];
  /** Just above the command: what it is for. */
  explain: string[][];
  /** Just below the command: that it never ends. */
  after: string[][];
  /** After everything: what to do by hand afterwards. */
  tail: string[];
  /** The choice's label, for the title. */
  choice?: string;
}

/** What is about to run: the step, the indexes of its commands that run (in order), their hosts, the choice. */
export interface NotesPlan {
  step: Step;
  indexes: number[];
  hosts: (string | undefined)[];
  choice?: Alternative;
  describeHost?: HostDescriber;
}

/** The notes for a plan. */
export function stepNotes(plan: NotesPlan): StepNotes {
  const { step, indexes } = plan;
  const described = new Set<string>();
  const instructions = instructionsByCommand(step);
  const notes: StepNotes = {
    head: plan.choice ? [`choice: ${plan.choice.label}`, "  (the step's other choices do not run)"] : [],
    before: [],
    where: [],
    explain: [],
    after: [],
    tail: indexes.at(-1) === step.commands.length - 1 ? byHand(step, instructions, step.commands.length, 'then by hand:') : [],
    ...(plan.choice ? { choice: plan.choice.label } : {}),
  };
  indexes.forEach((index, k) => {
    const command = step.commands[index]!;
    const host = plan.hosts[k];
    notes.before.push(byHand(step, instructions, index, 'by hand first:'));
    notes.where.push(host && !described.has(host) ? (described.add(host), plan.describeHost?.(host) ?? []) : []);
    const description = plan.choice ? descriptionBesideChoice(step, index) : command.description;
    notes.explain.push(description ? description.split('\n').map((l) => `    # ${l}`) : []);
    notes.after.push(command.endless ? [`    ∞ never ends by itself: ${command.endless};`, '      it streams until Esc or :cancel stops it'] : []);
  });
  return notes;
}

/** The instructions written just before command `index` (or after the last, for `commands.length`). */
function byHand(step: Step, grouped: ReadonlyMap<number, Step['instructions']>, index: number, heading: string): string[] {
  // A choice's label is already the confirmation's "choice:" line.
  const written = (grouped.get(index) ?? []).filter((i) => !labelsChoice(step, i));
  if (written.length === 0) return [];
  return [heading, ...written.flatMap((i) => i.text.split('\n').map((line, n) => `  ${n === 0 ? '»' : ' '} ${line}`))];
}
