import React from 'react';
import { Box, Text } from 'ink';
import type { Runbook } from '../../src/runbooks/model.js';
import type { StepState } from '../../src/runbooks/progress.js';
import { useTheme } from '../theme/use-theme.js';
import { windowStart } from './rows.js';

/**
 * The runbook's headings, indented by level, with done/steps counts; shown beside the steps when
 * the pane is wide, below them in rows no other pane wants. Only the rows that fit are made: a
 * long runbook has thousands of headings, and counting every section's steps on every frame held
 * the console's thread.
 */
export function SectionList({ doc, states, current, width, height }: { doc: Runbook; states: Readonly<Record<number, StepState>>; current: number; width: number; height: number }) {
  const theme = useTheme();
  const from = windowStart(doc.sections.length, current, height);
  const rows = doc.sections.slice(from, from + Math.max(0, height)).map((section, k) => {
    const i = from + k;
    const open = section.steps.filter((s) => (states[s.line]?.status ?? 'open') === 'open').length;
    const count = section.steps.length > 0 ? ` ${section.steps.length - open}/${section.steps.length}` : '';
    const indent = ' '.repeat(Math.max(0, section.level - 1));
    return { text: `${i === current ? '›' : ' '}${indent}${section.title || '(untitled)'}${count}`, selected: i === current };
  });
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate" bold={row.selected} {...(row.selected ? theme.selection : {})}>{row.text.slice(0, width)}</Text>
      ))}
    </Box>
  );
}
