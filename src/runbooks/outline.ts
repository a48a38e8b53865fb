// Where a section sits in its runbook: its parent heading (three sections may all be called
// "Diagnose": the label says "Scenario 3 › Diagnose") and the symptoms that belong to it, which
// the pane shows before the steps, as the author wrote them.
//
// A runbook's tree is worked out once, in one pass, and kept with the runbook (a parsed runbook is
// not changed afterwards): asked section by section, "the heading above" and "what is under it"
// walked the sections each time, and a 2 MiB runbook of 8,000 sections held the console's thread
// for a tenth of a second on every suggestion and every frame.
import type { Runbook } from './model.js';

/** A runbook's heading tree, by section index. */
interface Outline {
  /** The nearest heading above with a lower level (level 0, the text before the first heading, is nobody's parent); -1 when none. */
  parent: Int32Array;
  /** The nearest section above with a lower level, level 0 included; -1 when none. */
  owner: Int32Array;
  /** The index just past the section's subtree (the sections after it with a deeper level). */
  end: Int32Array;
  /** How many sections before each index have steps (one more entry than sections). */
  withSteps: Int32Array;
  /** The "Symptoms" sibling found for a parent and a level (see sectionSymptoms), filled as asked. */
  symptomSiblings: Map<string, number>;
  /** What each section is matched on for suggestions (sectionMatchTexts), made when first asked. */
  matchTexts?: readonly string[];
}

const outlines = new WeakMap<Runbook, Outline>();

function outline(runbook: Runbook): Outline {
  const known = outlines.get(runbook);
  if (known) return known;
  const { sections } = runbook;
  const n = sections.length;
  const made: Outline = { parent: new Int32Array(n), owner: new Int32Array(n), end: new Int32Array(n).fill(n), withSteps: new Int32Array(n + 1), symptomSiblings: new Map() };
  // The open headings, levels strictly rising from the bottom: a section closes every open one at its level or deeper.
  const open: number[] = [];
  sections.forEach((section, i) => {
    while (open.length > 0 && sections[open.at(-1)!]!.level >= section.level) made.end[open.pop()!] = i;
    const top = open.at(-1) ?? -1;
    made.owner[i] = top;
    made.parent[i] = section.level > 0 && top >= 0 && sections[top]!.level > 0 ? top : -1;
    made.withSteps[i + 1] = made.withSteps[i]! + (section.steps.length > 0 ? 1 : 0);
    open.push(i);
  });
  outlines.set(runbook, made);
  return made;
}

/** Index of the nearest heading above `index` with a lower level, or -1. */
export function parentOf(runbook: Runbook, index: number): number {
  return runbook.sections[index] ? outline(runbook).parent[index]! : -1;
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
  const tree = outline(runbook);
  const key = `${parent}:${section.level}`;
  let sibling = tree.symptomSiblings.get(key);
  if (sibling === undefined) {
    sibling = -1;
    for (let i = parent + 1; i < tree.end[parent]!; i++) {
      const candidate = runbook.sections[i]!;
      // Only a sibling that is a symptoms list (`### Symptoms`): another scenario's symptoms are not this one's.
      if (candidate.level === section.level && candidate.symptoms.length > 0 && /symptom/i.test(candidate.title)) {
        sibling = i;
        break;
      }
    }
    tree.symptomSiblings.set(key, sibling);
  }
  return sibling >= 0 ? runbook.sections[sibling]!.symptoms : runbook.sections[parent]!.symptoms;
}

/** Whether a section or any section under it has a step: where `g` may take the operator. */
export function hasStepsWithin(runbook: Runbook, index: number): boolean {
  if (!runbook.sections[index]) return false;
  const tree = outline(runbook);
  return tree.withSteps[tree.end[index]!]! > tree.withSteps[index]!;
}

/**
 * The words each section is matched on for suggestions: its heading, its symptoms, and the
 * symptoms of its direct child sections (a "### Symptoms" child belongs to the scenario heading
 * above it). Made once per runbook.
 */
export function sectionMatchTexts(runbook: Runbook): readonly string[] {
  const tree = outline(runbook);
  if (tree.matchTexts) return tree.matchTexts;
  const texts = runbook.sections.map((section) => `${section.title}\n${section.symptoms.join('\n')}`);
  runbook.sections.forEach((child, j) => {
    const owner = tree.owner[j]!;
    if (owner >= 0 && child.symptoms.length > 0 && child.level === runbook.sections[owner]!.level + 1) texts[owner] += `\n${child.symptoms.join('\n')}`;
  });
  tree.matchTexts = texts;
  return texts;
}
