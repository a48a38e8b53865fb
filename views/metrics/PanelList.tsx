import React from 'react';
import { Box, Text } from 'ink';
import type { MetricsPanelView } from '../../src/metrics/types.js';
import { useTheme } from '../theme/use-theme.js';
import { panelRow } from './panel-row.js';

/** Props of the panel list. */
export interface PanelListProps {
  panels: readonly MetricsPanelView[];
  selected: number;
  width: number;
  height: number;
  /** The selected row is drawn inverse only while the pane has the keyboard. */
  isFocused: boolean;
}

/** One row per panel; only the rows that fit are rendered, keeping the selection in view. */
export function PanelList({ panels, selected, width, height, isFocused }: PanelListProps) {
  const theme = useTheme();
  const rows = Math.max(1, height);
  const first = Math.max(0, Math.min(selected - rows + 1, panels.length - rows));
  const visible = panels.slice(first, first + rows);
  return (
    <Box flexDirection="column" width={width}>
      {visible.map((panel, i) => (
        <Text key={panel.id} wrap="truncate" {...(isFocused && first + i === selected ? theme.selection : {})}>
          {panelRow(panel, width, first + i === selected, theme).map((part, j) => (
            <Text key={j} {...part.paint}>
              {part.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
