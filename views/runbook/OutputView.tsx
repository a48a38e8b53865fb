import React from 'react';
import { Box, Text } from 'ink';
import type { RunbookOutput } from '../../src/store/runbook.js';
import { useTheme } from '../theme/use-theme.js';
import { formatRunTime } from '../../src/time/duration-text.js';

/** The last command's output: what ran where, its state (exit code and duration once done), and the newest lines that fit. */
export function OutputView({ output, width, height }: { output: RunbookOutput; width: number; height: number }) {
  const theme = useTheme();
  const where = output.host ? `on ${output.host}` : 'locally';
  let state: React.ReactNode;
  if (output.dryRun) state = <Text {...theme.tone.warn}>[dry-run] not executed</Text>;
  else if (output.running) state = <Text {...theme.tone.info}>⟳ running…</Text>;
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
      <Text wrap="truncate">
        <Text {...theme.strong}>$ {output.shown.split('\n')[0]!.slice(0, width)}</Text> <Text {...theme.secondary}>({where})</Text> {state}
      </Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">{line}</Text>
      ))}
    </Box>
  );
}
