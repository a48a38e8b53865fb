// Places in a runbook a cursor can be on, and the moves between them. The runbook pane owns its
// cursor; the controller is handed it with each command and answers with where it should go next.
import type { Runbook, Section } from './model.js';
import type { StepState } from './progress.js';

/** A place in a runbook: a step of a section, and optionally one of its commands. */
export interface RunbookCursor {
  section: number;
  step: number;
  /** -1: the step itself (Enter runs all its commands); else that command alone. */
  command: number;
}

/** The first open step of a section (its first step when every one is done or skipped). */
export function firstOpenStep(section: Section | undefined, states: Readonly<Record<number, StepState>>): number {
  const open = section?.steps.findIndex((s) => (states[s.line]?.status ?? 'open') === 'open') ?? -1;
  return Math.max(0, open);
}

/** Section `index` (clamped to the runbook) at its first open step. */
export function sectionStart(doc: Runbook, states: Readonly<Record<number, StepState>>, index: number): RunbookCursor {
  const section = Math.max(0, Math.min(doc.sections.length - 1, index));
  return { section, step: firstOpenStep(doc.sections[section], states), command: -1 };
}

/**
 * One move over the rows of a section: every step, plus the command rows of the step under the
 * cursor (so a single command of several can be picked and run alone).
 */
export function stepCursor(commandCounts: number[], at: { step: number; command: number }, delta: 1 | -1): { step: number; command: number } {
  const count = commandCounts[at.step] ?? 0;
  if (delta === 1) {
    if (count > 1 && at.command < count - 1) return { step: at.step, command: at.command + 1 };
    return at.step < commandCounts.length - 1 ? { step: at.step + 1, command: -1 } : at;
  }
  if (at.command >= 0) return { step: at.step, command: at.command - 1 };
  if (at.step === 0) return at;
  const previous = commandCounts[at.step - 1] ?? 0;
  return { step: at.step - 1, command: previous > 1 ? previous - 1 : -1 };
}
