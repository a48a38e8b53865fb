import React, { memo } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { oneLine } from '../src/text/neutralise.js';
import { ellipsize } from '../src/text/width.js';
import type { Severity } from '../src/config/types.js';
import type { MilestoneName } from '../src/timeline/key-times.js';
import { formatDuration, formatTarget } from '../src/time/duration-text.js';
import { useActionProgress } from './actions/action-progress.js';
import { useEscalationBadge } from './escalation/escalation-badge.js';
import { useRecordBadge } from './timeline/record-status.js';
import { useWarroom } from './store-context.js';
import { useTheme } from './theme/use-theme.js';
import { useNow } from './use-now.js';

/** Props of the header line. */
export interface HeaderProps {
  width: number;
  /** Response target per severity, in ms. */
  responseTargets: Record<Severity, number>;
}

/** One line: incident, severity, elapsed against the response target, operator, mode. */
export const Header = memo(function Header({ width, responseTargets }: HeaderProps) {
  const stored = useWarroom((s) => s.incident);
  // Title, id and operator can come from a journal other consoles write: one safe line each.
  const incident = { ...stored, id: oneLine(stored.id), title: oneLine(stored.title), operator: oneLine(stored.operator) };
  const runningCount = useWarroom((s) => Object.keys(s.running).length);
  const now = useNow();
  const theme = useTheme();
  const elapsed = (incident.resolvedAt ?? now) - incident.startedAt;
  const target = responseTargets[incident.severity];
  const over = elapsed > target;
  const mode = incident.mode === 'live' ? 'LIVE' : incident.mode.toUpperCase();
  const clock = `${formatDuration(elapsed)} / ${formatTarget(target)}${over ? ' ⚠ over target' : ''}`;
  const progress = useActionProgress(now);
  const badge = useEscalationBadge(now);
  const record = useRecordBadge();
  const status = `${incident.resolvedAt ? ' ✔ RESOLVED' : ''}${runningCount > 0 ? ` │ ⟳ ${runningCount} running` : ''}`;
  // Everything but the title always shows; the title takes what is left (at 80 columns, little).
  const fixed = stringWidth(`${incident.id} │  │ ${incident.severity} │ ${clock}${status} │ ${incident.operator} │ ${mode}`);
  // A journal that cannot write, escalation (a failure must be seen), the commander, the
  // milestone reached and action progress come next, in that order; the title gets the rest.
  let room = width - fixed;
  const fit = (text: string): string => {
    const out = ellipsize(text, room);
    room -= stringWidth(out);
    return out;
  };
  // Whole or not at all: "IC a…" would name nobody.
  const whole = (text: string): string => (stringWidth(text) <= room ? fit(text) : '');
  // Cut, "OFFLINE · 3 uns…" would lose what matters; the short form keeps the count.
  const recordText = fit(record.short !== undefined && stringWidth(record.text) > room ? record.short : record.text);
  const badgeText = fit(badge.text);
  const commanderText = whole(` │ IC ${incident.roles.ic === null ? '—' : oneLine(incident.roles.ic)}`);
  const milestoneText = whole(milestoneLabel(incident.milestones));
  const progressText = fit(progress);
  const title = fit(incident.title);
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text {...theme.strong}>{incident.id}</Text>
        {' │ '}
        {/* No room for the title at all: no empty field either. */}
        {title ? <Text>{title}</Text> : null}
        {title ? ' │ ' : null}
        <Text {...theme.severity[incident.severity <= 'P1' ? 'high' : 'normal']}>{incident.severity}</Text>
        {' │ '}
        <Text {...(over ? theme.tone.bad : {})}>{clock}</Text>
        {commanderText ? <Text {...(incident.roles.ic !== null ? theme.strong : {})}>{commanderText}</Text> : null}
        {milestoneText ? <Text>{milestoneText}</Text> : null}
        {incident.resolvedAt ? <Text {...theme.tone.good}> ✔ RESOLVED</Text> : null}
        {runningCount > 0 ? <Text {...theme.tone.warn}>{` │ ⟳ ${runningCount} running`}</Text> : null}
        {progressText ? <Text {...theme.tone.warn}>{progressText}</Text> : null}
        {recordText ? <Text {...(record.tone === 'plain' ? {} : { ...theme.tone[record.tone], ...theme.strong, inverse: true })}>{recordText}</Text> : null}
        {badgeText ? <Text {...(badge.tone === 'plain' ? {} : { ...theme.tone[badge.tone === 'failed' ? 'bad' : 'warn'], ...theme.strong, inverse: true })}>{badgeText}</Text> : null}
        {' │ '}
        <Text>{incident.operator}</Text>
        {' │ '}
        <Text {...theme.strong} inverse={incident.mode !== 'live'}>{mode}</Text>
      </Text>
    </Box>
  );
});

/** The furthest milestone reached before resolution (` │ mitigated 14:02`), in local time; '' before detection. */
export function milestoneLabel(milestones: Partial<Record<MilestoneName, number>>): string {
  for (const name of ['mitigated', 'acknowledged', 'detected'] as const) {
    const at = milestones[name];
    if (at === undefined) continue;
    const time = new Date(at);
    const hhmm = `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
    return ` │ ${name === 'acknowledged' ? 'acked' : name} ${hhmm}`;
  }
  return '';
}

