// The runbook pane's rows fitted to its width: long lines wrap under their own text (a step's
// words under the step, a command under its `$`), cut only past 2,000 characters; tables are
// drawn as aligned columns when they fit, else as `header: cell` lines per row, so no cell is
// lost at a narrow pane.
import type { Table } from '../../src/runbooks/model.js';
import { cut } from '../../src/text/neutralise.js';
import { textWidth, wrapWords } from '../../src/text/width.js';

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
  // Cut first: a key of the whole text hashed all of a 1.5 MB paragraph on every key.
  const text = shownPart(row.text);
  const key = `${width}\u0000${text}`;
  let lines = wrapped.get(key);
  if (!lines) {
    lines = wrapText(text, width);
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

/** What is shown of a line: all of it, or its first MAX_WRAPPED_CHARS and how many more there are. */
function shownPart(whole: string): string {
  return whole.length > MAX_WRAPPED_CHARS ? `${cut(whole, MAX_WRAPPED_CHARS)} (${whole.length - MAX_WRAPPED_CHARS + 1} more characters not shown)` : whole;
}

/** The lines `text` (its shown part) wraps to at `width` (wrapRow). */
function wrapText(text: string, width: number): string[] {
  if (width <= 0 || textWidth(text) <= width) return [text];
  let lead = LEAD.exec(text)?.[0] ?? '';
  // A lead taking half the pane leaves too little for the text: continuation lines indent two.
  const hang = textWidth(lead) <= width / 2 ? textWidth(lead) : 2;
  if (hang !== textWidth(lead)) lead = '';
  const first = wrapWords(text.slice(lead.length), Math.max(1, width - textWidth(lead)));
  const head = `${lead}${first[0] ?? ''}`;
  // The rest of the text re-wrapped at the hanging indent's width.
  const rest = first.slice(1).join(' ');
  const more = rest === '' ? [] : wrapWords(rest, Math.max(1, width - hang));
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
  const columns = table.headers.map((header) => textWidth(header));
  for (const row of table.rows) row.forEach((cell, i) => {
    if (i < columns.length) columns[i] = Math.max(columns[i]!, textWidth(cell));
  });
  const pad = (text: string, i: number) => text + ' '.repeat(Math.max(0, columns[i]! - textWidth(text)));
  const line = (cells: readonly string[]) => `  ${table.headers.map((_, i) => pad(cells[i] ?? '', i)).join(' │ ')}`.trimEnd();
  if (textWidth(line(table.headers)) <= width) {
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
