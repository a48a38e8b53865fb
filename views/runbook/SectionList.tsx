import React from 'react';
import { Box, Text } from 'ink';
import type { Runbook } from '../../src/runbooks/model.js';
import type { StepState } from '../../src/runbooks/progress.js';
import { useTheme } from '../theme/use-theme.js';
import { visibleWindow } from './rows.js';

/** The runbook's headings, indented by level, with open-step counts; shown beside the steps when the pane is wide. */
export function SectionList({ doc, states, current, width, height }: { doc: Runbook; states: Readonly<Record<number, StepState>>; current: number; width: number; height: number }) {
  const theme = useTheme();
  const rows = doc.sections.map((section, i) => {
    const open = section.steps.filter((s) => (states[s.line]?.status ?? 'open') === 'open').length;
    const count = section.steps.length > 0 ? ` ${section.steps.length - open}/${section.steps.length}` : '';
    const indent = ' '.repeat(Math.max(0, section.level - 1));
    return { text: `${i === current ? '›' : ' '}${indent}${section.title || '(untitled)'}${count}`, selected: i === current };
  });
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      {visibleWindow(rows, height).map((row, i) => (
        <Text key={i} wrap="truncate" bold={row.selected} {...(row.selected ? theme.selection : {})}>{row.text.slice(0, width)}</Text>
      ))}
    </Box>
  );
}
