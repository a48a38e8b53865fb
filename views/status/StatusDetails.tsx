import React from 'react';
import { Box, Text } from 'ink';
import { formatAge, formatLatency, stateLabel } from '../../src/probes/board-format.js';
import type { CheckState } from '../../src/probes/types.js';
import type { CheckRow } from '../../src/store/checks.js';
import { useTheme } from '../theme/use-theme.js';
import { fit } from './status-columns.js';

/** Props of the details view of one row. */
export interface StatusDetailsProps {
  row: CheckRow;
  width: number;
  height: number;
  now: number;
}

function utc(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** Every line of the details view, pre-cut to `width`: what, state, reason, transitions, body. */
export function detailLines(row: CheckRow, width: number, now: number): { text: string; state?: CheckState }[] {
  const lines: { text: string; state?: CheckState }[] = [];
  const add = (text: string, state?: CheckState): void => {
    lines.push({ text: fit(text, width), ...(state ? { state } : {}) });
  };
  add(`${row.service}${row.instance ? ` / ${row.instance}` : ''} · ${row.check} (${row.kind})`);
  add(`target   ${row.target}`);
  const since = row.since === null ? '' : ` for ${formatAge(now - row.since)} (since ${utc(row.since)} UTC)`;
  add(`state    ${stateLabel(row.state)}${since}`, row.state);
  add(`reason   ${row.reason || '—'}`);
  add(`latency  ${formatLatency(row.latencyMs)}${row.lastAt ? `, last probe ${utc(row.lastAt)} UTC` : ''}`);
  add(`transitions (last ${row.transitions.length}, UTC):`);
  if (row.transitions.length === 0) add('  none yet');
  for (const t of [...row.transitions].reverse()) {
    add(`  ${utc(t.at)}  ${t.from} → ${t.to}  ${t.reason}${t.latencyMs !== null ? ` (${formatLatency(t.latencyMs)})` : ''}`);
  }
  add(row.bodyAt ? `last body (${utc(row.bodyAt)} UTC):` : 'last body:');
  const body = (row.body ?? '').split('\n').filter((l) => l.trim() !== '');
  if (body.length === 0) add('  (none)');
  for (const line of body) add(`  ${line}`);
  return lines;
}

/** The details of one row; Esc or Enter goes back to the table. */
export function StatusDetails({ row, width, height, now }: StatusDetailsProps) {
  const theme = useTheme();
  const lines = detailLines(row, width, now).slice(0, Math.max(1, height - 1));
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate" {...(line.state ? theme.state[line.state] : {})}>{line.text}</Text>
      ))}
      <Text {...theme.secondary} wrap="truncate">{fit('Enter/Esc: back to the board', width)}</Text>
    </Box>
  );
}
