// The runbook pane's rows fitted to its width: long lines wrap under their own text (a step's
// words under the step, a command under its `$`), cut only past 2,000 characters; tables are
// drawn as aligned columns when they fit, else as `header: cell` lines per row, so no cell is
// lost at a narrow pane.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Table } from '../../src/runbooks/model.js';
import { cut } from '../../src/text/neutralise.js';

/** A row as this file needs it (rows.ts's Row is one). */
interface TextRow {
  text: string;
  selected: boolean;
}

/** A row of a table. */
interface TableRow extends TextRow {
  tone: 'table' | 'text';
}

/** What a row starts with before its text: indent, cursor, mark (`[ ]`, `$`, `»`, `#`, `·`, `✎`, `◇`, `⟨sh⟩`). */
const LEAD = /^[ ›]*(?:\[[ x-]\] |\$ |[»#·✎◇] |\d+\. |⟨[^⟩]*⟩ |Symptoms: )?/u;

/**
 * Lines wrapped lately, by width and text. Moving the cursor redraws a section's rows with their
 * texts mostly unchanged, and wrapping them again (measuring every character) was most of what a
 * key cost in the runbook pane: 20-30 ms for a section of long commands.
 */
const wrapped = new Map<string, string[]>();
const MAX_WRAPPED = 4000;

/** `row` as one or more rows of at most `width` columns, continuation lines indented under its text. */
export function wrapRow<R extends TextRow>(row: R, width: number): R[] {
  const key = `${width}\u0000${row.text}`;
  let lines = wrapped.get(key);
  if (!lines) {
    lines = wrapText(row.text, width);
    if (wrapped.size >= MAX_WRAPPED) wrapped.clear();
    wrapped.set(key, lines);
  }
  if (lines.length === 1 && lines[0] === row.text) return [row];
  return lines.map((text, i) => ({ ...row, text, selected: i === 0 ? row.selected : false }));
}

/**
 * How much of one line is wrapped. Wrapping costs more than in proportion to length (20 KB of a
 * hostile runbook's one paragraph took a second, 200 KB froze the keys for minutes), and a pane
 * shows a few dozen rows: a longer line is cut, saying how much is not shown.
 */
const MAX_WRAPPED_CHARS = 2000;

/** The lines `text` wraps to at `width` (wrapRow). */
function wrapText(whole: string, width: number): string[] {
  const text = whole.length > MAX_WRAPPED_CHARS ? `${cut(whole, MAX_WRAPPED_CHARS)} (${whole.length - MAX_WRAPPED_CHARS + 1} more characters not shown)` : whole;
  if (width <= 0 || stringWidth(text) <= width) return [text];
  let lead = LEAD.exec(text)?.[0] ?? '';
  // A lead taking half the pane leaves too little for the text: continuation lines indent two.
  const hang = stringWidth(lead) <= width / 2 ? stringWidth(lead) : 2;
  if (hang !== stringWidth(lead)) lead = '';
  const first = wrapAnsi(text.slice(lead.length), Math.max(1, width - stringWidth(lead)), { hard: true, trim: true }).split('\n');
  const head = `${lead}${first[0] ?? ''}`;
  // The rest of the text re-wrapped at the hanging indent's width.
  const rest = first.slice(1).join(' ');
  const more = rest === '' ? [] : wrapAnsi(rest, Math.max(1, width - hang), { hard: true, trim: true }).split('\n');
  return [head, ...more.map((line) => `${' '.repeat(hang)}${line}`)];
}

/** Every row fitted to `width`. */
export function wrapRows<R extends TextRow>(rows: readonly R[], width: number): R[] {
  return rows.flatMap((row) => wrapRow(row, width));
}

/**
 * A table's rows at `width`: a header and aligned cells when every column fits its widest cell,
 * else each row as `header: cell` lines (the first cell leading), wrapped like any other row.
 */
export function tableRows(table: Table, width: number): TableRow[] {
  const kind = table.kind === 'other' ? '' : `   (${table.kind})`;
  // A loop, not Math.max(...cells): a table of 140,000 rows (a 1.9 MB runbook parses) overflows the call's arguments.
  const columns = table.headers.map((header) => stringWidth(header));
  for (const row of table.rows) row.forEach((cell, i) => {
    if (i < columns.length) columns[i] = Math.max(columns[i]!, stringWidth(cell));
  });
  const pad = (text: string, i: number) => text + ' '.repeat(Math.max(0, columns[i]! - stringWidth(text)));
  const line = (cells: readonly string[]) => `  ${table.headers.map((_, i) => pad(cells[i] ?? '', i)).join(' │ ')}`.trimEnd();
  if (stringWidth(line(table.headers)) <= width) {
    return [
      { text: `${line(table.headers)}${kind}`, tone: 'table', selected: false },
      ...table.rows.map((cells): TableRow => ({ text: line(cells), tone: 'text', selected: false })),
    ];
  }
  const rows: TableRow[] = [{ text: `  ${table.headers.join(' · ')}${kind}`, tone: 'table', selected: false }];
  for (const cells of table.rows) {
    cells.forEach((cell, i) => {
      const header = table.headers[i] ?? '';
      rows.push({ text: i === 0 ? `  • ${header ? `${header}: ` : ''}${cell}` : `    ${header ? `${header}: ` : ''}${cell}`, tone: i === 0 ? 'table' : 'text', selected: false });
    });
  }
  return wrapRows(rows, width);
}
