// Painting ranges of one row's text: the row's own parts (origin, message, fields) and, over
// them, the places the filter matched. Pure, so the highlight can be tested without a terminal.
import type { Paint } from '../theme/theme.js';

/** A piece of a row's text and how it is painted. */
export interface Run {
  text: string;
  paint: Paint;
}

/** A painted range of a text: [start, end) in string offsets. */
export type PaintRange = readonly [start: number, end: number, paint: Paint];

/** At most this many matches are marked in one line (a filter like `.` would mark every letter). */
const MAX_MATCHES = 64;

// The global twin of each filter, made once per filter rather than once per row and frame.
const globals = new WeakMap<RegExp, RegExp>();

/** Where `filter` matches in `text`, as [start, end) ranges (empty matches are skipped). */
export function matchRanges(text: string, filter: RegExp | null): Array<[number, number]> {
  if (filter === null || text === '') return [];
  let global = globals.get(filter);
  if (global === undefined) {
    global = new RegExp(filter.source, filter.flags.includes('g') ? filter.flags : `${filter.flags}g`);
    globals.set(filter, global);
  }
  global.lastIndex = 0;
  const ranges: Array<[number, number]> = [];
  for (let match = global.exec(text); match !== null && ranges.length < MAX_MATCHES; match = global.exec(text)) {
    if (match[0].length === 0) {
      global.lastIndex++;
      continue;
    }
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/**
 * The runs of `text[from, to)`: each offset painted by the last range covering it (later ranges
 * win, so matches listed after the parts show over them), `plain` where none does.
 */
export function runsOf(text: string, from: number, to: number, ranges: readonly PaintRange[], plain: Paint): Run[] {
  const cuts = new Set<number>([from, to]);
  for (const [start, end] of ranges) {
    if (start > from && start < to) cuts.add(start);
    if (end > from && end < to) cuts.add(end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    let paint = plain;
    for (const [a, b, p] of ranges) if (a <= start && start < b) paint = p;
    const last = runs.at(-1);
    if (last && last.paint === paint) last.text += text.slice(start, points[i + 1]);
    else runs.push({ text: text.slice(start, points[i + 1]), paint });
  }
  return runs;
}
