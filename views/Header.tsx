import React from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { Severity } from '../src/config/types.js';
import { formatDuration, formatTarget } from '../src/time/duration-text.js';
import { useActionProgress } from './actions/action-progress.js';
import { useEscalationBadge } from './escalation/escalation-badge.js';
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
  const now = useNow();
  const elapsed = (incident.resolvedAt ?? now) - incident.startedAt;
  const target = responseTargets[incident.severity];
  const over = elapsed > target;
  const mode = incident.mode === 'live' ? 'LIVE' : incident.mode.toUpperCase();
  const clock = `${formatDuration(elapsed)} / ${formatTarget(target)}${over ? ' ⚠ over target' : ''}`;
  const progress = useActionProgress(now);
  const badge = useEscalationBadge(now);
  const status = `${incident.resolvedAt ? ' ✔ RESOLVED' : ''}${runningCount > 0 ? ` │ ⟳ ${runningCount} running` : ''}`;
  // Everything but the title always shows; the title takes what is left (at 80 columns, little).
  const fixed = stringWidth(`${incident.id} │  │ ${incident.severity} │ ${clock}${status} │ ${incident.operator} │ ${mode}`);
  // Escalation (a failure must be seen) and action progress come next; the title gets the rest.
  const badgeText = fitText(badge.text, width - fixed);
  const progressText = fitText(progress, width - fixed - stringWidth(badgeText));
  const title = fitText(incident.title, width - fixed - stringWidth(badgeText) - stringWidth(progressText));
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text bold>{incident.id}</Text>
        {' │ '}
        {/* No room for the title at all: no empty field either. */}
        {title ? <Text>{title}</Text> : null}
        {title ? ' │ ' : null}
        <Text bold color={incident.severity <= 'P1' ? 'red' : 'yellow'}>{incident.severity}</Text>
        {' │ '}
        <Text color={over ? 'red' : undefined}>{clock}</Text>
        {incident.resolvedAt ? <Text color="green"> ✔ RESOLVED</Text> : null}
        {runningCount > 0 ? <Text color="yellow">{` │ ⟳ ${runningCount} running`}</Text> : null}
        {progressText ? <Text color="yellow">{progressText}</Text> : null}
        {badgeText ? <Text bold={badge.tone !== 'plain'} inverse={badge.tone !== 'plain'} color={{ failed: 'red', due: 'yellow', plain: undefined }[badge.tone]}>{badgeText}</Text> : null}
        {' │ '}
        <Text>{incident.operator}</Text>
        {' │ '}
        <Text bold inverse={incident.mode !== 'live'}>{mode}</Text>
      </Text>
    </Box>
  );
}

/** Cuts `text` to `room` columns with an ellipsis (nothing at all below 2 columns). */
function fitText(text: string, room: number): string {
  if (stringWidth(text) <= room) return text;
  if (room < 2) return '';
  let cut = text;
  while (cut.length > 0 && stringWidth(cut) > room - 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}
