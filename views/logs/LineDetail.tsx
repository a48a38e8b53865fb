import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { LEVEL_NAMES } from '../../src/logs/level.js';
import { LineFlag, type LogRingBuffer } from '../../src/logs/ring-buffer.js';
import { lineParts } from '../../src/logs/structure.js';
import { cutToWidth, wrapToWidth } from '../../src/text/width.js';
import { useModalInput } from '../keys/dispatcher.js';
import { useTheme } from '../theme/use-theme.js';
import { clockTime } from './log-row.js';

/** Props of the detail view shown in place of the log lines after Enter. */
export interface LineDetailProps {
  ring: LogRingBuffer;
  seq: number;
  tag: string;
  redact: ((text: string) => string) | null;
  width: number;
  height: number;
  onClose: () => void;
}

/** The rows of the detail view: a label column, each value wrapped beside it. */
export function detailRows(ring: LogRingBuffer, seq: number, tag: string, redact: LineDetailProps['redact'], width: number): string[] {
  if (!ring.has(seq)) return ['the line has left the buffer'];
  const raw = redact ? redact(ring.text(seq)) : ring.text(seq);
  const sourceError = (ring.flags(seq) & LineFlag.stderr) !== 0;
  const parts = lineParts(raw);
  const time = Number.isNaN(parts.time) ? ring.time(seq) : parts.time;
  const pairs: Array<[string, string]> = [
    ['time', `${clockTime(time)}  ${new Date(time).toISOString()}${Number.isNaN(parts.time) ? ' (arrival)' : ''}`],
    ['source', tag],
    ['level', sourceError ? 'source error' : LEVEL_NAMES[ring.level(seq)]],
    ...(parts.origin ? [['origin', parts.origin] as [string, string]] : []),
    ['message', parts.message],
    ...parts.fields.map(([key, value]) => [key, value] as [string, string]),
  ];
  if (parts.format !== 'text') pairs.push(['line', raw]);
  const labelWidth = Math.min(16, pairs.reduce((max, [key]) => Math.max(max, key.length), 0));
  const valueWidth = Math.max(8, width - labelWidth - 2);
  const rows: string[] = [];
  for (const [key, value] of pairs) {
    wrapToWidth(value, valueWidth).forEach((piece, i) => rows.push(`${i === 0 ? cutToWidth(key, labelWidth).padEnd(labelWidth) : ' '.repeat(labelWidth)}  ${piece}`));
  }
  return rows;
}

/** Every field of one line, scrollable; takes every key while open (it is a modal). */
export function LineDetail({ ring, seq, tag, redact, width, height, onClose }: LineDetailProps) {
  const [top, setTop] = useState(0);
  const rows = detailRows(ring, seq, tag, redact, width);
  const shown = Math.max(1, height - 1);
  const maxTop = Math.max(0, rows.length - shown);
  useModalInput((input, key) => {
    if (key.escape || key.return) onClose();
    else if (input === 'j' || key.downArrow) setTop((t) => Math.min(maxTop, t + 1));
    else if (input === 'k' || key.upArrow) setTop((t) => Math.max(0, t - 1));
    else if (key.pageDown || input === ' ') setTop((t) => Math.min(maxTop, t + shown));
    else if (key.pageUp) setTop((t) => Math.max(0, t - shown));
  }, true);
  const theme = useTheme();
  const from = Math.min(top, maxTop);
  const more = rows.length > shown ? ` · ${from + 1}-${Math.min(rows.length, from + shown)}/${rows.length} j/k` : '';
  return (
    <Box flexDirection="column">
      <Text {...theme.secondary} wrap="truncate">{cutToWidth(`line details · Enter/Esc close${more}`, width)}</Text>
      {rows.slice(from, from + shown).map((row, i) => (
        <Text key={i} wrap="truncate">{cutToWidth(row, width)}</Text>
      ))}
    </Box>
  );
}
