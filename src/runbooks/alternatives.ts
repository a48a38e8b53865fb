// Finds the choices inside one step: "Option A: restart / Option B: reroute / Option C: roll
// back", "Either ... / Or ...", "If the pool is full ... / If the database is down ...". An
// author who writes them means "do one of these", so the console asks which before it runs any,
// instead of running them all on one Enter.
import type { Alternative, Step } from './model.js';

/** Labels that make the commands after them conditional: run only when the condition holds. */
const CONDITIONS = [/^(?:if|in case|unless|only if)\b/i, /\((?:if|when|only if|in case)\s[^)]*\)/i];

const BRANCHES = [
  // Option A, Plan B, Alternative 2, Fix 1 (the letter is upper case: "Plan a rollback" is not one).
  /^(?:[Oo]ption|OPTION|[Aa]lternative|[Aa]pproach|[Pp]lan|[Mm]ethod|[Cc]hoice|[Vv]ariant|[Ss]olution|[Ff]ix)\s+(?:[A-Z]|\d{1,2})\b/,
  /^(?:either|or|alternatively|otherwise|else)\b/i,
  /^(?:if|in case|unless|only if)\b/i,
  // "Rate limiting (if traffic spike)".
  /\((?:if|when|only if|in case)\s[^)]*\)/i,
  // "Example: memory leak", "Case 2: ..." — one example fix among several.
  /^(?:example|case|scenario)(?:\s+(?:\d{1,2}|[A-Z]))?\s*:/i,
];

/** Whether a line of the author's words opens a choice. */
export function isBranchLabel(text: string): boolean {
  const words = text.replace(/^[\s*_#>-]+/, '').trim();
  return BRANCHES.some((re) => re.test(words));
}

function isCondition(text: string): boolean {
  const words = text.replace(/^[\s*_#>-]+/, '').trim();
  return CONDITIONS.some((re) => re.test(words));
}

/** The step's instructions by the command they come before (grouped once: looked up per command, a block of thousands was quadratic). */
export function instructionsByCommand(step: Step): Map<number, Step['instructions']> {
  const by = new Map<number, Step['instructions']>();
  for (const instruction of step.instructions) {
    const list = by.get(instruction.before);
    if (list) list.push(instruction);
    else by.set(instruction.before, [instruction]);
  }
  return by;
}

/** The author's words just before command `index`: its instructions, then its description, item by item. */
function wordsBefore(step: Step, index: number, instructions: Map<number, Step['instructions']>): { text: string; line: number }[] {
  const words = (instructions.get(index) ?? []).map((n) => ({ text: n.text.split('\n')[0]!, line: n.line }));
  const command = step.commands[index]!;
  // A description joins the lines written above the command with " — " (shell-lines.ts).
  for (const part of command.description?.split('\n')[0]!.split(' — ') ?? []) words.push({ text: part, line: command.line });
  return words;
}

/**
 * The step's choices: each label that opens a choice starts one, which runs the commands up to
 * the next label (or the end of the step); commands before the first label run with every
 * choice. A single "Option A" is not a choice. A single condition after other commands ("drain
 * the queue", then "if it is still above 10k, purge it") splits the step in two choices, run one
 * at a time: the commands before it, and the conditional ones, run only when the lead says so.
 */
export function findAlternatives(step: Step): Alternative[] {
  const starts: { index: number; label: string; line: number }[] = [];
  // Grouped once: a block of thousands of commands and comments looked them all up for each command.
  const instructions = instructionsByCommand(step);
  step.commands.forEach((_, index) => {
    const label = wordsBefore(step, index, instructions).find((w) => isBranchLabel(w.text));
    if (label) starts.push({ index, label: label.text, line: label.line });
  });
  const only = starts[0];
  if (starts.length === 1 && only && only.index > 0 && isCondition(only.label)) {
    const first = step.commands[0]!;
    const label = wordsBefore(step, 0, instructions)[0]?.text ?? first.run.split('\n')[0]!;
    starts.unshift({ index: 0, label, line: wordsBefore(step, 0, instructions)[0]?.line ?? first.line });
  }
  if (starts.length < 2) return [];
  return starts.map((start, k) => {
    const end = starts[k + 1]?.index ?? step.commands.length;
    return { label: start.label, line: start.line, commands: Array.from({ length: end - start.index }, (_, i) => start.index + i) };
  });
}

/** The commands a choice runs, in order: the shared ones before the first choice, then its own. */
export function commandsOfChoice(step: Step, choice: Alternative): number[] {
  const first = Math.min(...step.alternatives.flatMap((a) => a.commands));
  const shared = Array.from({ length: Number.isFinite(first) ? first : 0 }, (_, i) => i);
  return [...shared, ...choice.commands];
}

/** The choice a command belongs to, if any. */
export function choiceOf(step: Step, command: number): Alternative | undefined {
  return step.alternatives.find((a) => a.commands.includes(command));
}

/** Whether an instruction is the label a choice starts with (shown once, as the choice). */
export function labelsChoice(step: Step, instruction: { text: string; before: number }): boolean {
  return step.alternatives.some((a) => a.commands[0] === instruction.before && instruction.text.split('\n')[0] === a.label);
}

/**
 * A command's description without the choice label it starts with (that label is shown once, as
 * the choice). `label`: the label of the choice command `index` starts (null: it starts none),
 * when the caller knows it.
 */
export function descriptionBesideChoice(step: Step, index: number, label: string | null = step.alternatives.find((a) => a.commands[0] === index)?.label ?? null): string | undefined {
  const description = step.commands[index]?.description;
  if (description === undefined || label === null) return description;
  if (description === label) return undefined;
  return description.startsWith(`${label} — `) ? description.slice(label.length + 3) : description;
}
