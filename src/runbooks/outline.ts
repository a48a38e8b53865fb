// Where a section sits in its runbook: its parent heading (three sections may all be called
// "Diagnose": the label says "Scenario 3 › Diagnose") and the symptoms that belong to it, which
// the pane shows before the steps, as the author wrote them.
import type { Runbook } from './model.js';

/** Index of the nearest heading above `index` with a lower level, or -1. */
export function parentOf(runbook: Runbook, index: number): number {
  const level = runbook.sections[index]?.level ?? 0;
  for (let i = index - 1; i >= 0; i--) {
    const section = runbook.sections[i]!;
    if (section.level > 0 && section.level < level) return i;
  }
  return -1;
}

/**
 * "Scenario 3 › Diagnose": the section's title after its parent's. The document's own title (the
 * runbook's first level-1 heading) is not repeated in front of every section.
 */
export function sectionLabel(runbook: Runbook, index: number): string {
  const section = runbook.sections[index];
  if (!section) return '';
  const title = section.title || '(untitled)';
  const parent = parentOf(runbook, index);
  if (parent < 0) return title;
  const above = runbook.sections[parent]!;
  if (above.level === 1 && above.title === runbook.title) return title;
  return `${above.title || '(untitled)'} › ${title}`;
}

/**
 * The symptoms that go with a section: its own, else those of a "Symptoms" sibling under the
 * same parent (a scenario's `### Symptoms` beside its `### Diagnose`), else its parent's.
 */
export function sectionSymptoms(runbook: Runbook, index: number): string[] {
  const section = runbook.sections[index];
  if (!section) return [];
  if (section.symptoms.length > 0) return section.symptoms;
  const parent = parentOf(runbook, index);
  if (parent < 0) return [];
  const parentLevel = runbook.sections[parent]!.level;
  for (let i = parent + 1; i < runbook.sections.length && runbook.sections[i]!.level > parentLevel; i++) {
    const sibling = runbook.sections[i]!;
    // Only a sibling that is a symptoms list (`### Symptoms`): another scenario's symptoms are not this one's.
    if (sibling.level === section.level && sibling.symptoms.length > 0 && /symptom/i.test(sibling.title)) return sibling.symptoms;
  }
  return runbook.sections[parent]!.symptoms;
}

/** Whether a section or any section under it has a step: where `g` may take the operator. */
export function hasStepsWithin(runbook: Runbook, index: number): boolean {
  const section = runbook.sections[index];
  if (!section) return false;
  if (section.steps.length > 0) return true;
  for (let i = index + 1; i < runbook.sections.length && runbook.sections[i]!.level > section.level; i++) {
    if (runbook.sections[i]!.steps.length > 0) return true;
  }
  return false;
}
