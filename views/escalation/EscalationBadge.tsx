import React from 'react';
import { Text } from 'ink';
import { formatDuration } from '../../src/time/duration-text.js';
import { useWarroom } from '../store-context.js';

/** The header's escalation part: a loud failure, else the next contact and countdown ("☎ tech-lead in 7m"). */
export function EscalationBadge({ now }: { now: number }) {
  const failure = useWarroom((s) => s.escalation.failure);
  const next = useWarroom((s) => s.escalation.next);
  const resolved = useWarroom((s) => s.incident.resolvedAt !== null);
  if (failure) return <Text bold inverse color="red">{` ✖ ${failure} `}</Text>;
  if (!next || resolved) return null;
  const wait = next.dueAt - now;
  return <Text>{` │ ☎ ${next.contact} ${wait > 0 ? `in ${formatDuration(wait)}` : 'due now'}`}</Text>;
}
