import React from 'react';
import { Box, Text } from 'ink';
import { useTheme } from '../theme/use-theme.js';
import { lineStarts, outputRows, rowPieces, type OutputRow } from './output-rows.js';
import type { OutputFrame, OutputViewState } from './use-output-view.js';

/** A run's output laid out at a width: its rows, and the frame the view's keys act on. */
export interface OutputLayout {
  rows: OutputRow[];
  frame: OutputFrame;
}

/** Lays out run `of`'s lines for a view `width` wide showing `room` rows. */
export function layOutOutput(of: string, lines: readonly string[], width: number, room: number): OutputLayout {
  const rows = outputRows(lines, width);
  return { rows, frame: { of, lines, starts: lineStarts(rows), rows: rows.length, room: Math.max(1, room) } };
}

/**
 * The rows of a run's output that fit (the newest, or `state.back` rows before them), with search
 * matches painted, under a rule saying where in the output the view is. Used by every output
 * view: the runbook pane's and the run output overlay (`O`), so both read and scroll alike.
 */
export function OutputLines({ layout, state, dropped, width, height, header, hint }: { layout: OutputLayout; state: OutputViewState; dropped: number; width: number; height: number; header?: React.ReactNode; hint?: string }) {
  const theme = useTheme();
  const { rows, frame } = layout;
  const room = Math.max(0, height - 1 - (header ? 1 : 0));
  const end = Math.max(Math.min(room, rows.length), rows.length - state.back);
  const shown = rows.slice(Math.max(0, end - room), end);
  const position = rows.length > room ? ` rows ${end - shown.length + 1}-${end} of ${rows.length}${end < rows.length ? ' · PgDn on, G newest' : ' · PgUp back'} ` : '';
  const lost = dropped > 0 ? ` ${dropped} earlier lines dropped ` : '';
  const found = state.match >= 0 ? ` /${state.query} ` : '';
  const words = [position, lost, found, hint ? ` ${hint} ` : ''].filter((w) => w !== '').join('·');
  const rule = `${words ? `─${words}` : ''}${'─'.repeat(Math.max(0, width))}`.slice(0, Math.max(0, width));
  const matchPaint = theme.tone.warn;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" {...theme.secondary}>{rule}</Text>
      {header}
      {shown.map((row, i) => {
        const line = frame.lines[row.line] ?? '';
        const pieces = state.query ? rowPieces(row, line, state.query) : [{ text: row.text, match: false }];
        const current = row.line === state.match;
        return (
          <Text key={i} wrap="truncate">
            {pieces.map((piece, k) => (piece.match ? <Text key={k} {...matchPaint} {...(current ? theme.selection : {})}>{piece.text}</Text> : piece.text))}
          </Text>
        );
      })}
    </Box>
  );
}
