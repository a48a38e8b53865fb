import React from 'react';
import { Box, Text } from 'ink';
import type { LogRow } from './log-row.js';

/** Renders pre-cut log rows; knows nothing of the ring or the keys. */
export function LogLines({ rows }: { rows: readonly LogRow[] }) {
  return (
    <Box flexDirection="column">
      {rows.map((row) => (
        <Text key={row.key} wrap="truncate">
          {row.marker}
          {row.time ? `${row.time} ` : ''}
          <Text {...row.tagPaint}>{row.tag}</Text>{' '}
          <Text {...row.markPaint}>{row.mark}</Text>{' '}
          <Text {...row.textPaint}>{row.text}</Text>
        </Text>
      ))}
    </Box>
  );
}
