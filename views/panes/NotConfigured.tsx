import React from 'react';
import { Box, Text } from 'ink';

/** What a pane says when its capability is not configured or not built yet: plainly, no pretence. */
export function NotConfigured({ lines }: { lines: string[] }) {
  return (
    <Box flexDirection="column" paddingX={1}>
      {lines.map((line, i) => (
        <Text key={i} dimColor wrap="truncate">{line}</Text>
      ))}
    </Box>
  );
}
