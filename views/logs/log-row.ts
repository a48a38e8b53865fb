// Pure row rendering for the log pane: a ring line becomes the few coloured pieces of one (or,
// wrapped, several) terminal rows, already cut to the pane width so Ink never measures or wraps
// long strings (FIELD-NOTES: string width is what a frame costs). Structured lines (JSON, logfmt,
// a leading ISO timestamp) are shown in columns as lnav does: the line's own short time, the
// level letter, the source, the message first; the other fields after it (on rows of their own
// when wrapped). They are parsed here, for the rows on screen only, never on ingest.
import { Level, LEVEL_LETTERS } from '../../src/logs/level.js';
import { LineFlag, type LogRingBuffer } from '../../src/logs/ring-buffer.js';
import { fieldsText, lineParts } from '../../src/logs/structure.js';
import { cutToWidth, unjoinEmoji, wrapToWidth } from '../../src/text/width.js';
import { localClock } from '../../src/time/clock-text.js';
import type { Paint, Theme } from '../theme/theme.js';
import { matchRanges, runsOf, type PaintRange, type Run } from './paint-runs.js';
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
  /** The text column in painted runs: origin and fields secondary, filter matches marked. */
  runs: readonly Run[];
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
  // The time column costs 9 columns; the lines' own timestamps are no longer repeated in the text,
  // so it pays for itself from 50 columns on (the logs half of a 120-column screen is 58).
  const showTime = width >= 50;
  const longest = tags.reduce((max, tag) => Math.max(max, tag.length), 3);
  const tagWidth = Math.min(longest, width >= 100 ? 20 : 12);
  // marker + time + tag + space + level letter + space
  const fixed = 1 + (showTime ? 9 : 0) + tagWidth + 1 + 1 + 1;
  return { width, showTime, tagWidth, textWidth: Math.max(1, width - fixed) };
}

/** HH:MM:SS of an epoch ms in local time (as the timeline shows it by default). */
export const clockTime = localClock;

/** How one line is drawn, before it is cut into rows. */
export interface RowOptions {
  selected: boolean;
  wrap: boolean;
  redact: ((text: string) => string) | null;
  /** The pane's filter: its matches are marked. */
  filter: RegExp | null;
}

/**
 * A tag cut to `width`. What tells a service's sources apart comes after its `:`
 * (`checkout-api:journalctl`): that end is kept and the service's name shortened.
 */
export function fitTag(tag: string, width: number): string {
  if (tag.length <= width) return tag;
  const apart = tag.lastIndexOf(':');
  if (apart <= 0 || width < 6) return `${tag.slice(0, Math.max(0, width - 1))}…`;
  // At least two letters of the name, the rest for the part that tells the sources apart.
  const suffix = tag.slice(apart, apart + width - 3);
  return `${tag.slice(0, width - suffix.length - 1)}…${suffix}`;
}

/** The rows of one ring line: one row, or several when wrapping. */
export function rowsOfLine(ring: LogRingBuffer, seq: number, layout: RowLayout, tags: readonly string[], theme: Theme, options: RowOptions): LogRow[] {
  const source = ring.source(seq);
  const level = ring.level(seq);
  const flags = ring.flags(seq);
  const sourceError = (flags & LineFlag.stderr) !== 0;
  // A gap marker is warroom's own note: drawn as written, in the stale paint, its mark a rule.
  const marker = (flags & LineFlag.marker) !== 0;
  const tagText = tags[source] ?? `#${source}`;
  const tag = fitTag(tagText, layout.tagWidth).padEnd(layout.tagWidth);
  const markPaint = theme.levelMark[sourceError ? Level.error : level] ?? {};
  const textPaint = marker ? theme.tone.warn : sourceError ? theme.sourceError : (theme.levelText[level] ?? {});
  const raw = options.redact ? options.redact(ring.text(seq)) : ring.text(seq);
  // Source errors and markers are warroom's own words about the source: shown as written.
  const parts = sourceError || marker ? null : lineParts(raw);
  // The origin is left out where it only repeats the source tag (a service naming itself).
  const origin = parts && parts.origin !== '' && !tagText.startsWith(parts.origin) ? `[${parts.origin}] ` : '';
  // Redacted again once decoded: a secret written with JSON escapes only reads as one now.
  const redact = options.redact ?? ((text: string) => text);
  // Unjoined here so that every cut piece below is a slice of `full` (see unjoinEmoji).
  const head = unjoinEmoji(parts ? redact(`${origin}${parts.message}`) : raw);
  const fields = parts ? unjoinEmoji(redact(fieldsText(parts.fields))) : '';
  // Head, then the fields: after two spaces on one row, on rows of their own when wrapped.
  const gap = fields === '' ? '' : options.wrap ? '' : '  ';
  const full = `${head}${gap}${fields}`;
  const fieldsAt = head.length + gap.length;
  const ranges: PaintRange[] = [];
  if (origin !== '') ranges.push([0, origin.length, theme.secondary]);
  if (fields !== '') ranges.push([fieldsAt, full.length, theme.secondary]);
  for (const [start, end] of matchRanges(full, options.filter)) ranges.push([start, end, theme.match]);

  const pieces: Array<[number, string]> = [];
  const addPieces = (from: number, text: string): void => {
    let at = from;
    for (const piece of wrapToWidth(text, layout.textWidth)) {
      pieces.push([at, piece]);
      at += piece.length;
    }
  };
  if (options.wrap) {
    addPieces(0, head);
    if (fields !== '') addPieces(fieldsAt, fields);
  } else {
    pieces.push([0, cutToWidth(full, layout.textWidth)]);
  }
  const time = parts && !Number.isNaN(parts.time) ? parts.time : ring.time(seq);
  return pieces.map(([at, piece], i) => ({
    key: `${seq}:${i}`,
    marker: options.selected && i === 0 ? '›' : ' ',
    time: layout.showTime ? (i === 0 ? clockTime(time) : ' '.repeat(8)) : '',
    tag: i === 0 ? tag : ' '.repeat(layout.tagWidth),
    tagPaint: sourcePaint(theme, source),
    mark: i === 0 ? (sourceError ? '!' : marker ? '─' : LEVEL_LETTERS[level]) : ' ',
    markPaint,
    runs: runsOf(full, at, at + piece.length, ranges, textPaint),
  }));
}
