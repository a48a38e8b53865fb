// The rows a run's output lines take in a view of some width (a long line wraps: a JSON body is
// one line), and where a search query sits in them: pure, so the view, its keys and the tests
// agree on what row a line starts at.

/** One row of wrapped output: its text and where it comes from. */
export interface OutputRow {
  text: string;
  /** Index of the output line it is part of. */
  line: number;
  /** Offset of the row's first character in that line. */
  from: number;
}

/** The output's lines as rows of at most `width` characters. */
export function outputRows(lines: readonly string[], width: number): OutputRow[] {
  const step = Math.max(1, width);
  const rows: OutputRow[] = [];
  lines.forEach((text, line) => {
    for (let at = 0; at < Math.max(1, text.length); at += step) rows.push({ text: text.slice(at, at + step), line, from: at });
  });
  return rows;
}

/** How many rows the lines take at `width` (without building them). */
export function rowCount(lines: readonly string[], width: number): number {
  const step = Math.max(1, width);
  return lines.reduce((n, line) => n + Math.max(1, Math.ceil(line.length / step)), 0);
}

/** The first row of each line, by line index. */
export function lineStarts(rows: readonly OutputRow[]): number[] {
  const starts: number[] = [];
  rows.forEach((row, i) => {
    if (row.from === 0) starts[row.line] = i;
  });
  return starts;
}

/** Case-insensitive unless the query has a capital letter (as in less and vim's smartcase). */
function caseless(query: string): boolean {
  return query === query.toLowerCase();
}

/** Indexes of the lines that contain `query`, in order. */
export function matchingLines(lines: readonly string[], query: string): number[] {
  if (query === '') return [];
  const fold = caseless(query);
  const needle = fold ? query.toLowerCase() : query;
  const out: number[] = [];
  lines.forEach((line, i) => {
    if ((fold ? line.toLowerCase() : line).includes(needle)) out.push(i);
  });
  return out;
}

/** Character ranges [start, end) of `query` in `text`. */
export function matchRanges(text: string, query: string): Array<[number, number]> {
  if (query === '') return [];
  const fold = caseless(query);
  const hay = fold ? text.toLowerCase() : text;
  const needle = fold ? query.toLowerCase() : query;
  const out: Array<[number, number]> = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) out.push([at, at + needle.length]);
  return out;
}

/** A row cut into plain and matching pieces, for painting the matches. */
export function rowPieces(row: OutputRow, line: string, query: string): Array<{ text: string; match: boolean }> {
  const end = row.from + row.text.length;
  const pieces: Array<{ text: string; match: boolean }> = [];
  let at = row.from;
  for (const [start, stop] of matchRanges(line, query)) {
    if (stop <= row.from || start >= end) continue;
    const s = Math.max(start, row.from);
    const e = Math.min(stop, end);
    if (s > at) pieces.push({ text: line.slice(at, s), match: false });
    pieces.push({ text: line.slice(s, e), match: true });
    at = e;
  }
  if (at < end || pieces.length === 0) pieces.push({ text: line.slice(at, end), match: false });
  return pieces;
}
