import React, { memo } from 'react';
import { Box, Text } from 'ink';
import type { LogRow } from './log-row.js';

/** Whether two rows draw the same (rows are rebuilt on every flush; most are unchanged). */
function sameRow(a: LogRow, b: LogRow): boolean {
  return (
    a.key === b.key && a.marker === b.marker && a.time === b.time && a.tag === b.tag && a.mark === b.mark &&
    a.tagPaint === b.tagPaint && a.markPaint === b.markPaint && a.runs.length === b.runs.length &&
    a.runs.every((run, i) => run.text === b.runs[i]!.text && run.paint === b.runs[i]!.paint)
  );
}

/**
 * One row; re-rendered only when what it draws changed. New lines scrolling in mount new rows,
 * the rows already on screen are left alone (React skips them, Ink keeps their text).
 */
const LogLine = memo(function LogLine({ row }: { row: LogRow }) {
  return (
    <Text wrap="truncate">
      {row.marker}
      {row.time ? `${row.time} ` : ''}
      <Text {...row.tagPaint}>{row.tag}</Text>{' '}
      <Text {...row.markPaint}>{row.mark}</Text>{' '}
      {row.runs.map((run, i) => (
        <Text key={i} {...run.paint}>{run.text}</Text>
      ))}
    </Text>
  );
}, (before, after) => sameRow(before.row, after.row));

/** Renders pre-cut log rows; knows nothing of the ring or the keys. */
export const LogLines = memo(function LogLines({ rows }: { rows: readonly LogRow[] }) {
  return (
    <Box flexDirection="column">
      {rows.map((row) => (
        <LogLine key={row.key} row={row} />
      ))}
    </Box>
  );
}, (before, after) => before.rows.length === after.rows.length && before.rows.every((row, i) => sameRow(row, after.rows[i]!)));
