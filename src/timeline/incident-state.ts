// What an incident is right now, derived from its events alone (the journal is the only file an
// incident folder needs): title, severity, start, and whether it is open.
import type { Severity } from '../config/types.js';
import { isBookkeeping, sortByTime, type TimelineEvent } from './event.js';
import { SYSTEM_OPERATOR } from './actor.js';

/** An incident as listed and shown in the header. */
export interface IncidentSummary {
  id: string;
  title: string;
  severity: Severity | string;
  /** Epoch ms of `incident.opened` (or of the first event). */
  startedAt: number;
  /** Epoch ms of the resolution in force, null while open. */
  resolvedAt: number | null;
  /** No resolution after the last reopen. */
  open: boolean;
  /** Epoch ms of the latest event. */
  lastEventAt: number;
  eventCount: number;
  operators: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Derives the incident's summary from its events (any order). */
export function summarizeIncident(id: string, events: readonly TimelineEvent[]): IncidentSummary {
  const sorted = sortByTime(events.filter((e) => !isBookkeeping(e)));
  let title = id;
  let severity: string = 'P2';
  let startedAt = sorted[0]?.ts ?? 0;
  let resolvedAt: number | null = null;
  const operators = new Set<string>();
  for (const event of sorted) {
    // People only: warroom's own observations are not an operator.
    if (event.operator !== SYSTEM_OPERATOR) operators.add(event.operator);
    if (event.kind === 'incident.opened') {
      title = text(event.data.title) ?? title;
      severity = text(event.data.severity) ?? severity;
      startedAt = event.ts;
    } else if (event.kind === 'incident.severity') {
      severity = text(event.data.to) ?? severity;
    } else if (event.kind === 'incident.resolved') {
      resolvedAt = event.ts;
    } else if (event.kind === 'incident.reopened') {
      resolvedAt = null;
    }
  }
  return {
    id,
    title,
    severity,
    startedAt,
    resolvedAt,
    open: resolvedAt === null,
    lastEventAt: sorted.at(-1)?.ts ?? startedAt,
    eventCount: sorted.length,
    operators: [...operators],
  };
}
