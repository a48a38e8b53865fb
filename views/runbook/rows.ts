// Pure row builders for the runbook pane: what each visible line says and how it is marked.
// Kept apart from the components so the layout can be tested without rendering.
import { keyFor } from '../../src/keys/keymap.js';
import { descriptionBesideChoice, instructionsByCommand } from '../../src/runbooks/alternatives.js';
import type { Section, Step, Table } from '../../src/runbooks/model.js';
import type { StepState } from '../../src/runbooks/progress.js';
import type { RunbookCursor } from '../../src/store/runbook.js';
import { neutralise } from '../../src/text/neutralise.js';
import { tableRows, wrapRows } from './wrap-rows.js';

/** One line of the step list. */
export interface Row {
  text: string;
  tone: 'step' | 'done' | 'skipped' | 'command' | 'reference' | 'detail' | 'note' | 'text' | 'table' | 'failed' | 'instruction' | 'choice' | 'symptoms';
  selected: boolean;
}

const OPEN: StepState = { status: 'open', notes: [] };

/** The mark in front of a step: words as well as colour, for the shared screen. */
export function statusMark(state: StepState): string {
  if (state.status === 'done') return '[x]';
  if (state.status === 'skipped') return '[-]';
  return '[ ]';
}

function runMark(state: StepState): string {
  const run = state.lastRun;
  if (!run) return '';
  if (run.exitCode === 0) return '  ✓ ran';
  return run.exitCode === null ? '  · ran (dry-run or no exit code)' : `  ✗ exit ${run.exitCode}`;
}

/**
 * How many rows of steps are made either side of the cursor's step, and how many rows of each
 * table, blocks and lines of the open step. A pane shows a few dozen rows, the cursor's a third
 * of the way down: a section of 90,000 steps, a block of 90,000 commands or a table of 140,000
 * rows (runbooks of 1-2 MB that parse) held the console's thread for half a second on every key
 * when every row was made. What is left out is counted on a row of its own.
 */
export const ROWS_AROUND = 300;

/** Symptoms listed on the section's first row; the rest are counted. */
const SYMPTOMS_SHOWN = 20;

/**
 * Commands of the open step made into rows either side of the one picked: each is a row or more
 * (its comment, its choice), and a pane at most a few hundred rows high shows a third of its
 * rows above the cursor.
 */
export const COMMANDS_AROUND = 100;

/** The items of `list` from `center - count` to `center + count`, and where that slice starts. */
function around<T>(list: readonly T[], center: number, count: number): { from: number; items: readonly T[] } {
  const from = Math.max(0, Math.min(center, list.length - 1) - count);
  return { from, items: list.slice(from, Math.max(0, center) + count + 1) };
}

/** The row that says how many `what` are not shown, `where`. */
function notShown(count: number, what: string, where: string, indent = '  '): Row {
  // Digits grouped by hand: the first toLocaleString of a process loads the locale data (10 ms, on a key).
  return { text: `${indent}⋯ ${String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${what} ${where}`, tone: 'text', selected: false };
}

function stepRows(step: Step, index: number, state: StepState, cursor: RunbookCursor, expanded: boolean, canChart: boolean): Row[] {
  const selected = cursor.step === index && cursor.command < 0;
  const skip = state.status === 'skipped' ? ` (skipped: ${state.reason ?? ''})` : '';
  const hosts = [...new Set(step.commands.map((c) => c.host).filter((h): h is string => h !== undefined))];
  const where = hosts.length > 0 ? `  @${hosts.join(',')}` : '';
  const failed = state.lastRun && state.lastRun.exitCode !== 0 && state.lastRun.exitCode !== null;
  const tone: Row['tone'] = state.status === 'done' ? 'done' : state.status === 'skipped' ? 'skipped' : failed ? 'failed' : 'step';
  const rows: Row[] = [{ text: `${selected ? '›' : ' '} ${statusMark(state)} ${step.text}${skip}${where}${runMark(state)}`, tone, selected }];
  if (!expanded) return rows;
  const pickable = step.commands.length > 1;
  if (step.alternatives.length > 0) rows.push({ text: `      ◇ ${step.alternatives.length} choices: Enter asks which one runs`, tone: 'choice', selected: false });
  const instructionsBefore = instructionsByCommand(step);
  const choiceAt = new Map(step.alternatives.map((a, k) => [a.commands[0], k]));
  const instructionRows = (before: number) => {
    for (const instruction of instructionsBefore.get(before) ?? []) {
      // The label a choice starts with is shown once, as the choice.
      const choice = choiceAt.get(before);
      if (choice !== undefined && instruction.text.split('\n')[0] === step.alternatives[choice]!.label) continue;
      instruction.text.split('\n').forEach((line, n) => rows.push({ text: `      ${n === 0 ? '»' : ' '} ${line}`, tone: 'instruction', selected: false }));
    }
  };
  const shown = around(step.commands, cursor.step === index ? cursor.command : 0, COMMANDS_AROUND);
  if (shown.from > 0) rows.push(notShown(shown.from, 'commands above', '(j/k move through them)', '    '));
  shown.items.forEach((command, k) => {
    const i = shown.from + k;
    // A choice's label heads it: the instructions written under the label come after it.
    const choice = choiceAt.get(i);
    if (choice !== undefined) rows.push({ text: `    ◇ ${choice + 1}. ${step.alternatives[choice]!.label}`, tone: 'choice', selected: false });
    instructionRows(i);
    const mark = pickable && cursor.step === index && cursor.command === i ? '›' : ' ';
    const lines = command.run.split('\n');
    const more = lines.length > 1 ? ` …(+${lines.length - 1} lines)` : '';
    const host = command.host ? `  @${command.host}` : '';
    const asks = command.placeholders.length > 0 ? `  ?${command.placeholders.join(' ?')}` : '';
    const endless = command.endless ? '  ∞ streams until stopped' : '';
    const description = descriptionBesideChoice(step, i, choice === undefined ? null : step.alternatives[choice]!.label);
    if (description) for (const line of description.split('\n')) rows.push({ text: `      # ${line}`, tone: 'detail', selected: false });
    rows.push({ text: `    ${mark} $ ${lines[0]}${more}${host}${asks}${endless}`, tone: 'command', selected: mark === '›' });
  });
  const below = step.commands.length - shown.from - shown.items.length;
  if (below > 0) rows.push(notShown(below, 'more commands', '(j moves through them)', '    '));
  else instructionRows(step.commands.length);
  for (const reference of step.references.slice(0, ROWS_AROUND)) {
    const first = reference.text.split('\n')[0] ?? '';
    rows.push({ text: `      ⟨${reference.lang || 'text'}⟩ ${first}`, tone: 'reference', selected: false });
    // On its own line: after a long query it would be cut off at the pane's edge. Offered only
    // where it can work (a Prometheus is configured); without one `a` says so.
    if (reference.metricsPanel && canChart) rows.push({ text: `        — press ${keyFor('runbook.add-panel')} to add as a metrics panel`, tone: 'reference', selected: false });
  }
  if (step.references.length > ROWS_AROUND) rows.push(notShown(step.references.length - ROWS_AROUND, 'more blocks', 'in this step', '      '));
  for (const detail of step.details.slice(0, ROWS_AROUND)) rows.push({ text: `      · ${detail}`, tone: 'detail', selected: false });
  if (step.details.length > ROWS_AROUND) rows.push(notShown(step.details.length - ROWS_AROUND, 'more lines', 'in this step', '      '));
  for (const note of state.notes) rows.push({ text: `      ✎ ${note}`, tone: 'note', selected: false });
  return rows;
}

/**
 * Every row of a section near the cursor: the symptoms it is for, its steps (the one under the
 * cursor expanded), then its prose and tables. Each row is shown through the text kit: commands,
 * code comments and notes come from files and people, so controls are made visible (an `ESC[8m`
 * shows, rather than hiding what follows it) and secrets are masked with `redact`. With `width`,
 * rows are then wrapped to it and tables laid out for it (wrap-rows.ts): a masked secret wraps as
 * it is shown. Steps are made into rows outward from the cursor's until ROWS_AROUND rows are made
 * on each side, as they wrap: 200 steps of 1,500 characters wrap to 3,600 rows, which took the
 * console's thread 50-100 ms to lay out whole; the steps left out are counted on a row.
 */
export function sectionRows(
  section: Section,
  states: Readonly<Record<number, StepState>>,
  cursor: RunbookCursor,
  redact: (text: string) => string = (text) => text,
  symptoms: readonly string[] = section.symptoms,
  width?: number,
  /** A PromQL block can become a metrics panel (Prometheus is configured). */
  canChart = true,
): Row[] {
  const clean = (text: string) => redact(neutralise(text, { escapes: 'show' }));
  const fit = (rows: Row[]): Row[] => {
    const cleaned = rows.map((row) => ({ ...row, text: clean(row.text) }));
    return width === undefined ? cleaned : wrapRows(cleaned, width);
  };
  const rows: Row[] = [];
  // What the author wrote to recognise the situation comes before what to do about it.
  // The first few: a list of 45,000 joined into one row (1.8 MB) was masked, wrapped and measured on every key.
  const more = symptoms.length > SYMPTOMS_SHOWN ? `; … (+${symptoms.length - SYMPTOMS_SHOWN} more)` : '';
  if (symptoms.length > 0) rows.push(...fit([{ text: `  Symptoms: ${symptoms.slice(0, SYMPTOMS_SHOWN).join('; ')}${more}`, tone: 'symptoms', selected: false }]));
  rows.push(...stepWindow(section, states, cursor, canChart, fit));
  if (section.steps.length === 0) rows.push(...fit(section.text.slice(0, 12).map((block): Row => ({ text: `  ${block.text}`, tone: 'text', selected: false }))));
  if (width === undefined) {
    for (const table of section.tables) {
      rows.push(...fit([{ text: `  ${table.headers.join(' │ ')}${table.kind === 'other' ? '' : `   (${table.kind})`}`, tone: 'table', selected: false }]));
      rows.push(...fit(table.rows.slice(0, ROWS_AROUND).map((row): Row => ({ text: `  ${row.join(' │ ')}`, tone: 'text', selected: false }))));
      rows.push(...moreTableRows(table));
    }
    return rows.length > 0 ? rows : [{ text: '  (nothing under this heading)', tone: 'text', selected: false }];
  }
  const tables = section.tables.flatMap((table) => [
    ...tableRows({ ...table, headers: table.headers.map(clean), rows: table.rows.slice(0, ROWS_AROUND).map((cells) => cells.map(clean)) }, width),
    ...wrapRows(moreTableRows(table), width),
  ]);
  const empty = rows.length === 0 && tables.length === 0 ? [{ text: '  (nothing under this heading)', tone: 'text' as const, selected: false }] : [];
  return [...rows, ...tables, ...empty];
}

/**
 * The rows of the cursor's step and of the steps either side of it, outward until ROWS_AROUND
 * rows (as `fit` makes them) are made on each side; a row counts the steps left out above and below.
 */
function stepWindow(section: Section, states: Readonly<Record<number, StepState>>, cursor: RunbookCursor, canChart: boolean, fit: (rows: Row[]) => Row[]): Row[] {
  const steps = section.steps;
  if (steps.length === 0) return [];
  const make = (i: number) => fit(stepRows(steps[i]!, i, states[steps[i]!.line] ?? OPEN, cursor, i === cursor.step, canChart));
  const at = Math.min(Math.max(0, cursor.step), steps.length - 1);
  const before: Row[][] = [];
  let first = at;
  for (let made = 0; first > 0 && made < ROWS_AROUND; first--) {
    const rows = make(first - 1);
    before.push(rows);
    made += rows.length;
  }
  const after: Row[][] = [];
  let last = at;
  for (let made = 0; last < steps.length - 1 && made < ROWS_AROUND; last++) {
    const rows = make(last + 1);
    after.push(rows);
    made += rows.length;
  }
  return [
    ...(first > 0 ? fit([notShown(first, 'steps above', '(k moves up to them)')]) : []),
    ...before.reverse().flat(),
    ...make(at),
    ...after.flat(),
    ...(last < steps.length - 1 ? fit([notShown(steps.length - 1 - last, 'more steps', '(j moves down to them)')]) : []),
  ];
}

/** The row saying how many of a table's rows are not shown (none when all are). */
function moreTableRows(table: Table): Row[] {
  const more = table.rows.length - ROWS_AROUND;
  return more > 0 ? [notShown(more, 'more rows', `(the table at line ${table.line}; \`warroom runbook FILE --json\` lists them all)`)] : [];
}

/** The slice of rows that fits, keeping the selected row in view (ink-ui style: render only what shows). */
export function visibleWindow<T extends { selected: boolean }>(rows: T[], height: number): T[] {
  if (rows.length <= height) return rows;
  const start = windowStart(rows.length, rows.findIndex((r) => r.selected), height);
  return rows.slice(start, start + height);
}

/** The first of `count` rows shown `height` rows high with row `selected` in view (a third of the way down when it can be). */
export function windowStart(count: number, selected: number, height: number): number {
  if (count <= height) return 0;
  return Math.min(Math.max(0, Math.max(0, selected) - Math.floor(height / 3)), count - height);
}

/** How the runbook pane's rows are shared out. */
export interface PaneBudget {
  /** 1 when the suggestion line shows. */
  suggestion: number;
  list: number;
  /** 0 when the output view does not show. */
  output: number;
}

/**
 * Shares `height` rows between the suggestion line, the section header (always 1), the step list
 * (at least 1) and the output view (at least 2: its rule and the command with its state), so the
 * parts never add up to more than the pane and get drawn over each other. The output wants 40% of
 * the pane, at least 3 rows, and the rows the step list (`listRows` long) leaves blank (a zoomed
 * pane reads a long output whole), no more than its `outputLines` need; in a short pane it comes
 * before the suggestion line, which the section header makes less needed once a step has run.
 */
export function paneBudget(height: number, hasSuggestion: boolean, outputLines: number | null, listRows = Infinity): PaneBudget {
  const spare = height - 1 - (hasSuggestion ? 1 : 0) - listRows;
  const wanted = outputLines === null ? 0 : Math.min(Math.max(3, Math.floor(height * 0.4), spare), outputLines + 2);
  let suggestion = hasSuggestion ? 1 : 0;
  const room = () => height - 1 - suggestion - 1;
  if (wanted > 0 && room() < 2 && room() + suggestion >= 2) suggestion = 0;
  if (height - 1 - suggestion < 1) suggestion = 0;
  const output = wanted > 0 && room() >= 2 ? Math.min(wanted, room()) : 0;
  return { suggestion, list: Math.max(1, height - 1 - suggestion - output), output };
}
