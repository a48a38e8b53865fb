// The facts every page and status update carries, read from the store at the moment of sending:
// incident, severity, elapsed time, what is down (status board), who is at the console.
import type { Severity } from '../config/types.js';
import { formatDuration } from '../time/duration-text.js';

/** The incident as messages describe it. */
export interface IncidentSnapshot {
  id: string;
  title: string;
  severity: Severity;
  startedAt: number;
  resolvedAt: number | null;
  elapsedMs: number;
  /** "checkout-api postgres: DOWN (connection refused)", worst first. */
  down: string[];
  operator: string;
}

/** A status board row as messages describe it. */
export interface RowView {
  service: string;
  instance?: string;
  check?: string;
  state: string;
  reason?: string;
}

/** What is down or degraded on the status board, one line per row, DOWN first. */
export function whatIsDown(state: { checks: { rows: Readonly<Record<string, RowView>> } }, limit = 10): string[] {
  const rows = Object.values(state.checks.rows);
  const bad = rows.filter((r) => r.state === 'DOWN' || r.state === 'DEGRADED');
  bad.sort((a, b) => (a.state === b.state ? 0 : a.state === 'DOWN' ? -1 : 1));
  const lines = bad.map((r) => {
    const name = [r.service + (r.instance ? `/${r.instance}` : ''), r.check].filter(Boolean).join(' ');
    return `${name}: ${r.state}${r.reason ? ` (${r.reason})` : ''}`;
  });
  return lines.length > limit ? [...lines.slice(0, limit), `… and ${lines.length - limit} more`] : lines;
}

/** The snapshot of the incident in a store state. */
export function incidentSnapshot(
  state: { incident: { id: string; title: string; severity: Severity; startedAt: number; resolvedAt: number | null; operator: string }; checks: { rows: Readonly<Record<string, RowView>> } },
  now: number,
): IncidentSnapshot {
  const { incident } = state;
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    startedAt: incident.startedAt,
    resolvedAt: incident.resolvedAt,
    elapsedMs: (incident.resolvedAt ?? now) - incident.startedAt,
    down: whatIsDown(state),
    operator: incident.operator,
  };
}

/** "INC-12 Checkout down — P1, open 12m03s". */
export function headline(snapshot: IncidentSnapshot): string {
  return `${snapshot.id} ${snapshot.title} — ${snapshot.severity}, open ${formatDuration(snapshot.elapsedMs)}`;
}
