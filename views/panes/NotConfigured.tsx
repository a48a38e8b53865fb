import React from 'react';
import { Box, Text } from 'ink';
import { useWarroom } from '../store-context.js';
import { useTheme } from '../theme/use-theme.js';

/**
 * What a pane says when its capability is not configured or not built yet: plainly, no pretence.
 * While the engine is still starting (the first frame is drawn before it) nothing is known to be
 * missing yet, so it says that instead.
 */
export function NotConfigured({ lines, wrap = false }: { lines: string[]; /** Wrap long lines (a message to read whole) instead of cutting them. */ wrap?: boolean }) {
  const starting = useWarroom((s) => s.starting);
  const theme = useTheme();
  const shown = starting ? ['Starting…'] : lines;
  return (
    <Box flexDirection="column" paddingX={1}>
      {shown.map((line, i) => (
        <Text key={i} {...theme.secondary} wrap={wrap ? 'wrap' : 'truncate'}>{line}</Text>
      ))}
    </Box>
  );
}
