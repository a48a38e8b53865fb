// What the runbook pane is made of at a width, before it is given a height: the suggestion line,
// the section header, every row of the section, and how many rows the last output wraps to. The
// pane draws from it, and the layout asks it how many rows the pane can use (use-runbook-rows.ts).
import { sectionLabel, sectionSymptoms } from '../../src/runbooks/outline.js';
import type { RunbookCursor } from '../../src/runbooks/places.js';
import type { Runbook } from '../../src/runbooks/model.js';
import type { StepState } from '../../src/runbooks/progress.js';
import type { SectionSuggestion } from '../../src/runbooks/symptoms.js';
import type { RunbookOutput } from '../../src/runbooks/output.js';
import { sectionRows, type Row } from './rows.js';

/** The runbook pane's parts at one width. */
export interface RunbookParts {
  header: string;
  suggestionLine: string | null;
  rows: Row[];
  /** Columns of the section list beside the steps (0: not shown). */
  sideWidth: number;
  stepWidth: number;
  /** Rows the output's lines wrap to (null: no output). */
  outputRows: number | null;
}

type PartsArgs = Parameters<typeof makeParts>;

/** The parts made last, newest first, and what they were made from. */
const recent: { args: PartsArgs; parts: RunbookParts }[] = [];
/** Two: the layout may ask at another width than the pane is drawn at. */
const KEPT = 2;

/**
 * The parts of the pane for `doc` with the cursor `at`, `width` columns wide. The layout asks for
 * them (use-runbook-rows.ts) and the pane draws them in the same frame, and a key elsewhere (the
 * help overlay) redraws the pane with nothing of it changed: parts made from the same arguments
 * are handed back (the store's values are replaced, never changed in place), since wrapping a
 * section's rows is the pane's dearest work.
 */
export function runbookParts(...args: PartsArgs): RunbookParts {
  const known = recent.find((entry) => entry.args.length === args.length && entry.args.every((value, i) => Object.is(value, args[i])));
  if (known) return known.parts;
  const parts = makeParts(...args);
  recent.unshift({ args, parts });
  recent.length = Math.min(recent.length, KEPT);
  return parts;
}

function makeParts(
  doc: Runbook,
  states: Readonly<Record<number, StepState>>,
  at: RunbookCursor,
  suggestions: readonly SectionSuggestion[],
  output: RunbookOutput | null,
  width: number,
  redact: (text: string) => string,
  /** PromQL blocks can be charted (Prometheus configured): the pane offers `a` only then. */
  canChart = true,
): RunbookParts {
  const section = doc.sections[at.section];
  const done = section ? section.steps.filter((s) => states[s.line]?.status === 'done').length : 0;
  const header = section
    ? `§ ${at.section + 1}/${doc.sections.length} ${sectionLabel(doc, at.section)} · ${done}/${section.steps.length} done`
    : `${doc.title}: no sections`;
  const suggestion = suggestions[0];
  // A suggestion in another runbook of the folder (an alert's runbook_url names it) says which.
  const where = suggestion?.file !== undefined && suggestion.file !== doc.file ? `${suggestion.runbook ?? suggestion.file} › ` : '';
  const suggestionLine = suggestion
    ? `★ suggested (g): ${where}${suggestion.title} (${suggestion.reason})${suggestions.length > 1 ? ` +${suggestions.length - 1} more` : ''}`
    : null;
  const sideWidth = width >= 100 ? Math.min(36, Math.floor(width * 0.3)) : 0;
  const stepWidth = width - sideWidth - (sideWidth > 0 ? 1 : 0);
  const rows = section ? sectionRows(section, states, at, redact, sectionSymptoms(doc, at.section), stepWidth, canChart) : [];
  const outputRows = output ? output.lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / Math.max(1, width))), 0) : null;
  return { header, suggestionLine, rows, sideWidth, stepWidth, outputRows };
}

/** The fewest spare rows worth an outline below the steps: its rule and two sections. */
export const OUTLINE_LEAST = 3;

/** Rows the outline of `sections` sections takes below the steps (its rule and one per section); 0 for a runbook of one section. */
export function outlineRows(sections: number): number {
  return sections > 1 ? 1 + sections : 0;
}
