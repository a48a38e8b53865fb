import React from 'react';
import { Box, Text } from 'ink';
import type { Severity } from '../src/config/types.js';
import { formatDuration, formatTarget } from '../src/time/duration-text.js';
import { ActionProgress } from './actions/ActionProgress.js';
import { EscalationBadge } from './escalation/EscalationBadge.js';
import { useWarroom } from './store-context.js';
import { useNow } from './use-now.js';

/** Props of the header line. */
export interface HeaderProps {
  width: number;
  /** Response target per severity, in ms. */
  responseTargets: Record<Severity, number>;
}

/** One line: incident, severity, elapsed against the response target, operator, mode. */
export function Header({ width, responseTargets }: HeaderProps) {
  const incident = useWarroom((s) => s.incident);
  const runningCount = useWarroom((s) => Object.keys(s.running).length);
  const now = useNow(1000);
  const elapsed = (incident.resolvedAt ?? now) - incident.startedAt;
  const target = responseTargets[incident.severity];
  const over = elapsed > target;
  const mode = incident.mode === 'live' ? 'LIVE' : incident.mode.toUpperCase();
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text bold>{incident.id}</Text>
        {' │ '}
        <Text>{incident.title}</Text>
        {' │ '}
        <Text bold color={incident.severity <= 'P1' ? 'red' : 'yellow'}>{incident.severity}</Text>
        {' │ '}
        <Text color={over ? 'red' : undefined}>
          {formatDuration(elapsed)} / {formatTarget(target)}
          {over ? ' ⚠ over target' : ''}
        </Text>
        {incident.resolvedAt ? <Text color="green"> ✔ RESOLVED</Text> : null}
        {runningCount > 0 ? <Text color="yellow">{` │ ⟳ ${runningCount} running`}</Text> : null}
        <ActionProgress now={now} />
        <EscalationBadge now={now} />
        {' │ '}
        <Text>{incident.operator}</Text>
        {' │ '}
        <Text bold inverse={incident.mode !== 'live'}>{mode}</Text>
      </Text>
    </Box>
  );
}
