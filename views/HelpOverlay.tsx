import React from 'react';
import { Box, Text } from 'ink';
import { COLON_COMMANDS, KEYMAP, keyLabel, type KeyScope } from '../src/keys/keymap.js';

const SCOPE_TITLES: Record<KeyScope, string> = {
  global: 'Anywhere',
  status: 'Status board',
  logs: 'Logs',
  metrics: 'Metrics',
  runbook: 'Runbook',
  timeline: 'Timeline',
};

/** Every line of the help text, generated from the key table (the same one dispatch reads). */
export function helpLines(): string[] {
  const lines: string[] = [];
  for (const scope of Object.keys(SCOPE_TITLES) as KeyScope[]) {
    lines.push(`${SCOPE_TITLES[scope]}:`);
    for (const binding of KEYMAP.filter((b) => b.scope === scope)) {
      const keys = binding.keys.map(keyLabel).join('/');
      lines.push(`  ${keys.padEnd(9)} ${binding.description}${binding.dangerous ? ' (confirms first)' : ''}`);
    }
  }
  lines.push('Command line (:):');
  for (const command of COLON_COMMANDS) lines.push(`  ${command.usage.padEnd(20)} ${command.description}`);
  return lines;
}

/** The `?` overlay: every key, in as many columns as fit; Esc or ? closes it. */
export function HelpOverlay({ width, height }: { width: number; height: number }) {
  const lines = helpLines();
  const rows = Math.max(1, height - 3);
  const columnWidth = 44;
  const columnCount = Math.max(1, Math.min(Math.ceil(lines.length / rows), Math.floor((width - 2) / columnWidth)));
  const columns = Array.from({ length: columnCount }, (_, c) => lines.slice(c * rows, (c + 1) * rows));
  const shown = columnCount * rows;
  return (
    <Box flexDirection="column" borderStyle="double" width={width} height={height} paddingX={1}>
      <Text bold wrap="truncate">
        Keys — Esc or ? closes{lines.length > shown ? ` (${lines.length - shown} more lines: widen the terminal)` : ''}
      </Text>
      <Box flexDirection="row">
        {columns.map((column, c) => (
          <Box key={c} flexDirection="column" width={columnWidth}>
            {column.map((line, i) => (
              <Text key={i} wrap="truncate">{line}</Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
