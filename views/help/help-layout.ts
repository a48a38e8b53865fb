// Lays help out by measuring it: as many columns as the width allows (up to three, each at least
// MIN_COLUMN wide), sections kept whole and spread so the columns are as even as they can be; in
// each column the key column is as wide as its widest key, and descriptions wrap under themselves.
// Nothing is cut: what does not fit the height scrolls (HelpOverlay).
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { HelpSection } from './help-content.js';

/** What a piece of a help row is, so the overlay can paint it. */
export type HelpPieceKind = 'title' | 'keys' | 'text' | 'space';

/** A piece of one row of laid-out help. */
export interface HelpPiece {
  text: string;
  kind: HelpPieceKind;
}

/** One screen row of help: pieces whose widths add up to the width it was laid out for. */
export type HelpRow = HelpPiece[];

/** Narrowest column worth having: below it, one column. */
export const MIN_COLUMN = 44;
const MAX_COLUMNS = 3;
const GAP = 3;
/** Space between the key column and the description. */
const KEY_GAP = 2;

/** Pads `text` with spaces to `width` terminal columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Wraps `text` to `width` columns (long words broken). */
function wrap(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(1, width), { hard: true }).split('\n');
}

/** The rows of one section in a column `width` wide. */
function sectionRows(section: HelpSection, width: number): HelpRow[] {
  const rows: HelpRow[] = wrap(section.title, width).map((line) => [{ text: pad(line, width), kind: 'title' }]);
  // The key column: as wide as the widest key, but never more than about half the column (a
  // longer key, like a long `:` command usage, gets a row of its own above its description).
  const keyLimit = Math.max(4, Math.floor(width * 0.45));
  const keyWidth = Math.min(keyLimit, Math.max(0, ...section.entries.map((e) => stringWidth(e.keys))));
  const textWidth = Math.max(1, width - 2 - keyWidth - KEY_GAP);
  for (const entry of section.entries) {
    const keyLines = stringWidth(entry.keys) <= keyWidth ? [entry.keys] : wrap(entry.keys, width - 2);
    const text = wrap(entry.text, textWidth);
    if (keyLines.length > 1 || stringWidth(keyLines[0]!) > keyWidth) {
      for (const line of keyLines) rows.push([{ text: '  ', kind: 'space' }, { text: pad(line, width - 2), kind: 'keys' }]);
      for (const line of text) rows.push([{ text: ' '.repeat(2 + keyWidth + KEY_GAP), kind: 'space' }, { text: pad(line, textWidth), kind: 'text' }]);
      continue;
    }
    text.forEach((line, i) => {
      rows.push([
        { text: '  ', kind: 'space' },
        { text: pad(i === 0 ? keyLines[0]! : '', keyWidth), kind: 'keys' },
        { text: ' '.repeat(KEY_GAP), kind: 'space' },
        { text: pad(line, textWidth), kind: 'text' },
      ]);
    });
  }
  return rows;
}

/** Splits `heights` (in order) into `parts` consecutive groups with the smallest tallest group. */
function evenSplit(heights: readonly number[], parts: number): number[][] {
  let best: number[][] = [heights.map((_, i) => i)];
  let bestHeight = Infinity;
  const total = (group: number[]) => group.reduce((sum, i) => sum + heights[i]!, 0) + Math.max(0, group.length - 1);
  const search = (start: number, left: number, groups: number[][]) => {
    if (left === 1) {
      const all = [...groups, heights.map((_, i) => i).slice(start)];
      const tallest = Math.max(...all.map(total));
      if (tallest < bestHeight) [best, bestHeight] = [all, tallest];
      return;
    }
    for (let end = start + 1; end <= heights.length - left + 1; end++) {
      search(end, left - 1, [...groups, heights.map((_, i) => i).slice(start, end)]);
    }
  };
  search(0, Math.min(parts, heights.length), []);
  return best;
}

/** How many columns `width` holds, and how wide each is. */
export function helpColumns(width: number, sections: number): { count: number; width: number } {
  let count = 1;
  for (let n = MAX_COLUMNS; n > 1; n--) {
    if (n <= sections && Math.floor((width - GAP * (n - 1)) / n) >= MIN_COLUMN) {
      count = n;
      break;
    }
  }
  return { count, width: Math.floor((width - GAP * (count - 1)) / count) };
}

/** Every row of help laid out `width` columns wide. */
export function layoutHelp(sections: readonly HelpSection[], width: number): HelpRow[] {
  const columns = helpColumns(width, sections.length);
  const laid = sections.map((section) => sectionRows(section, columns.width));
  const groups = evenSplit(laid.map((rows) => rows.length), columns.count);
  // Each column: its sections, a blank row between them.
  const columnRows = groups.map((group) =>
    group.flatMap((index, i) => (i === 0 ? laid[index]! : [[{ text: ' '.repeat(columns.width), kind: 'space' } as HelpPiece], ...laid[index]!])),
  );
  const height = Math.max(...columnRows.map((rows) => rows.length));
  const rows: HelpRow[] = [];
  for (let r = 0; r < height; r++) {
    const row: HelpRow = [];
    columnRows.forEach((column, c) => {
      if (c > 0) row.push({ text: ' '.repeat(GAP), kind: 'space' });
      row.push(...(column[r] ?? [{ text: ' '.repeat(columns.width), kind: 'space' }]));
    });
    rows.push(row);
  }
  return rows;
}
