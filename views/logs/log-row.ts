// Pure row rendering for the log pane: a ring line becomes the few coloured pieces of one (or,
// wrapped, several) terminal rows, already cut to the pane width so Ink never measures or wraps
// long strings (FIELD-NOTES: string width is what a frame costs).
import { Level, LEVEL_LETTERS } from '../../src/logs/level.js';
import { LineFlag, type LogRingBuffer } from '../../src/logs/ring-buffer.js';
import { cutToWidth, wrapToWidth } from '../../src/text/width.js';
import type { Paint, Theme } from '../theme/theme.js';
import { sourcePaint } from './source-colour.js';

/** One terminal row of the log pane. */
export interface LogRow {
  key: string;
  /** `›` on the selected line, else a space (the marker survives NO_COLOR). */
  marker: string;
  /** HH:MM:SS, or '' when the pane is too narrow for it (or on a continuation row). */
  time: string;
  /** Source tag padded to the tag column ('' on continuation rows, padded blank). */
  tag: string;
  tagPaint: Paint;
  /** Level letter (E, W, ...), `!` for a source error. */
  mark: string;
  markPaint: Paint;
  text: string;
  /** How the text itself is painted: errors and warnings stand out, the rest stays plain. */
  textPaint: Paint;
}

/** Widths of the fixed columns, derived from the pane width and the tags. */
export interface RowLayout {
  width: number;
  showTime: boolean;
  tagWidth: number;
  /** Columns left for the text. */
  textWidth: number;
}

/** Column layout for a pane `width` wide showing sources named `tags`. */
export function rowLayout(width: number, tags: readonly string[]): RowLayout {
  // Arrival time only where there is room: most lines carry their own timestamp.
  const showTime = width >= 100;
  const longest = tags.reduce((max, tag) => Math.max(max, tag.length), 3);
  const tagWidth = Math.min(longest, width >= 100 ? 20 : 12);
  // marker + time + tag + space + level letter + space
  const fixed = 1 + (showTime ? 9 : 0) + tagWidth + 1 + 1 + 1;
  return { width, showTime, tagWidth, textWidth: Math.max(1, width - fixed) };
}

/** HH:MM:SS of an epoch ms, in UTC (the timeline's clock). */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** The rows of one ring line: one row, or several when wrapping. */
export function rowsOfLine(
  ring: LogRingBuffer,
  seq: number,
  layout: RowLayout,
  tags: readonly string[],
  theme: Theme,
  selected: boolean,
  wrap: boolean,
  redact: ((text: string) => string) | null = null,
): LogRow[] {
  const source = ring.source(seq);
  const level = ring.level(seq);
  const sourceError = (ring.flags(seq) & LineFlag.stderr) !== 0;
  const tag = (tags[source] ?? `#${source}`).slice(0, layout.tagWidth).padEnd(layout.tagWidth);
  const markPaint = theme.levelMark[sourceError ? Level.error : level] ?? {};
  const textPaint = sourceError ? theme.sourceError : (theme.levelText[level] ?? {});
  const tagPaint = sourcePaint(theme, source);
  const text = redact ? redact(ring.text(seq)) : ring.text(seq);
  const pieces = wrap ? wrapToWidth(text, layout.textWidth) : [cutToWidth(text, layout.textWidth)];
  return pieces.map((piece, i) => ({
    key: `${seq}:${i}`,
    marker: selected && i === 0 ? '›' : ' ',
    time: layout.showTime ? (i === 0 ? clockTime(ring.time(seq)) : ' '.repeat(8)) : '',
    tag: i === 0 ? tag : ' '.repeat(layout.tagWidth),
    tagPaint,
    mark: i === 0 ? (sourceError ? '!' : LEVEL_LETTERS[level]) : ' ',
    markPaint,
    text: piece,
    textPaint,
  }));
}
