// Which of a step's commands Enter runs. A step whose commands are choices ("Option A: restart",
// "Option B: reroute") asks which one first; the confirmation that follows shows only that
// choice's commands. A single command picked with j/k runs alone, as before.
import { choiceOf, commandsOfChoice } from './alternatives.js';
import type { Alternative, Step } from './model.js';

/** How a question reaches the lead: the controller hands its dialog and flash line (this file does not touch the store). */
export interface Asker {
  /** Asks for a line of text; null when cancelled. */
  ask(question: { title: string; lines: string[]; prompt: string }): Promise<string | null>;
  /** A passing message. */
  warn(text: string): void;
}

/** The commands to run (indexes into the step's commands), and the choice they make, if any. */
export interface ChosenCommands {
  indexes: number[];
  choice?: Alternative;
}

/** Asks for a choice when the step holds some; null when the lead cancels or names none. */
export async function chooseCommands(asker: Asker, step: Step, command: number): Promise<ChosenCommands | null> {
  if (command >= 0) {
    const choice = choiceOf(step, command);
    return { indexes: [command], ...(choice ? { choice } : {}) };
  }
  if (step.alternatives.length === 0) return { indexes: step.commands.map((_, i) => i) };
  const answer = await asker.ask({
    title: `"${step.text}" offers ${step.alternatives.length} choices: run one`,
    lines: [
      ...step.alternatives.map((a, i) => `${i + 1}. ${a.label} — ${describeChoice(step, a)}`),
      'Only the chosen one runs (after a confirmation). j/k picks a single command to run alone.',
    ],
    prompt: 'choice #',
  });
  if (answer === null || answer.trim() === '') return null;
  const wanted = answer.trim();
  const n = Number(wanted);
  const choice = Number.isInteger(n) && n >= 1 && n <= step.alternatives.length
    ? step.alternatives[n - 1]
    : step.alternatives.find((a) => a.label.toLowerCase().includes(wanted.toLowerCase()));
  if (!choice) {
    asker.warn(`no choice matches "${wanted}": nothing ran`);
    return null;
  }
  return { indexes: commandsOfChoice(step, choice), choice };
}

/** "2 commands: $ aws elbv2 modify-target-group …". */
function describeChoice(step: Step, choice: Alternative): string {
  const first = step.commands[choice.commands[0]!]!.run.split('\n')[0]!;
  const count = choice.commands.length === 1 ? '1 command' : `${choice.commands.length} commands`;
  return `${count}: $ ${first.length > 60 ? `${first.slice(0, 59)}…` : first}`;
}
