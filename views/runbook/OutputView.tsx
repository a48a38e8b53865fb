import React from 'react';
import { Box, Text } from 'ink';
import type { RunbookOutput } from '../../src/store/runbook.js';
import { useTheme } from '../theme/use-theme.js';
import { formatRunTime } from '../../src/time/duration-text.js';

/** The last command's output: its state (running and how to stop it, or exit code and duration), what ran where, and the newest lines that fit. */
export function OutputView({ output, width, height }: { output: RunbookOutput; width: number; height: number }) {
  const theme = useTheme();
  const where = output.host ? `on ${output.host}` : 'locally';
  let state: React.ReactNode;
  if (output.dryRun) state = <Text {...theme.tone.warn}>[dry-run] not executed</Text>;
  else if (output.running && output.endless) state = <Text {...theme.tone.info}>⟳ streaming — Esc/:cancel stops it (never ends by itself: {output.endless})</Text>;
  else if (output.running) state = <Text {...theme.tone.info}>⟳ running — Esc/:cancel stops it</Text>;
  else if (output.cancelled) state = <Text {...theme.tone.warn}>■ stopped after {formatRunTime(output.durationMs)}</Text>;
  else if (output.exitCode === 0) state = <Text {...theme.tone.good}>✓ exit 0 in {formatRunTime(output.durationMs)}</Text>;
  else state = <Text {...theme.tone.bad}>✗ {output.exitCode === null ? 'no exit code' : `exit ${output.exitCode}`} in {formatRunTime(output.durationMs)}</Text>;
  // Long lines wrap (a JSON body is one line): only the newest rows that fit are cut and drawn.
  const room = Math.max(0, height - 2);
  const lines: string[] = [];
  for (let i = output.lines.length - 1; i >= 0 && lines.length < room; i--) {
    const line = output.lines[i]!;
    const chunks: string[] = [];
    for (let at = 0; at < Math.max(1, line.length); at += Math.max(1, width)) chunks.push(line.slice(at, at + Math.max(1, width)));
    lines.unshift(...chunks.slice(-(room - lines.length)));
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" {...theme.secondary}>{'─'.repeat(Math.max(0, width))}</Text>
      {/* The state comes first: on a narrow pane a long command must not push "Esc stops it" off the line. */}
      <Text wrap="truncate">
        {state} <Text {...theme.strong}>$ {output.shown.split('\n')[0]!.slice(0, width)}</Text> <Text {...theme.secondary}>({where})</Text>
      </Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">{line}</Text>
      ))}
    </Box>
  );
}
