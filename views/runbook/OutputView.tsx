import React from 'react';
import { Box, Text } from 'ink';
import type { RunbookOutput } from '../../src/store/runbook.js';
import { useTheme } from '../theme/use-theme.js';
import { formatRunTime } from '../../src/time/duration-text.js';

/** The output's lines as rows of at most `width` columns (a long line wraps: a JSON body is one line). */
export function outputRows(lines: readonly string[], width: number): string[] {
  const step = Math.max(1, width);
  return lines.flatMap((line) => {
    const chunks: string[] = [];
    for (let at = 0; at < Math.max(1, line.length); at += step) chunks.push(line.slice(at, at + step));
    return chunks;
  });
}

/**
 * The last command's output: its state (running and how to stop it, or exit code and duration),
 * what ran where, and the rows that fit: the newest, or `back` rows before them when scrolled
 * (PgUp/PgDn), the rule above saying where in the output the view is.
 */
export function OutputView({ output, width, height, back = 0 }: { output: RunbookOutput; width: number; height: number; back?: number }) {
  const theme = useTheme();
  const where = output.host ? `on ${output.host}` : 'locally';
  let state: React.ReactNode;
  if (output.dryRun) state = <Text {...theme.tone.warn}>[dry-run] not executed</Text>;
  else if (output.running && output.endless) state = <Text {...theme.tone.info}>⟳ streaming — Esc/:cancel stops it (never ends by itself: {output.endless})</Text>;
  else if (output.running) state = <Text {...theme.tone.info}>⟳ running — Esc/:cancel stops it</Text>;
  else if (output.cancelled) state = <Text {...theme.tone.warn}>■ stopped after {formatRunTime(output.durationMs)}</Text>;
  else if (output.exitCode === 0) state = <Text {...theme.tone.good}>✓ exit 0 in {formatRunTime(output.durationMs)}</Text>;
  else state = <Text {...theme.tone.bad}>✗ {output.exitCode === null ? 'no exit code' : `exit ${output.exitCode}`} in {formatRunTime(output.durationMs)}</Text>;
  const room = Math.max(0, height - 2);
  const all = outputRows(output.lines, width);
  const end = Math.max(Math.min(room, all.length), all.length - back);
  const lines = all.slice(Math.max(0, end - room), end);
  // Where the view is, once there is more than it shows.
  const position = all.length > room ? ` rows ${end - lines.length + 1}-${end} of ${all.length}${end < all.length ? ' · PgDn on, G newest' : ' · PgUp back'} ` : '';
  const rule = `${position ? `─${position}` : ''}${'─'.repeat(Math.max(0, width))}`.slice(0, Math.max(0, width));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" {...theme.secondary}>{rule}</Text>
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
