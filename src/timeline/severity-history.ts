// Severity over the incident's life: every change with who and why, the suggestions warroom
// made (and whether anyone followed them), and the time spent at each level.
import type { TimelineEvent } from './event.js';

/** One recorded change of severity. */
export interface SeverityChange {
  at: number;
  from: string;
  to: string;
  by: string;
  /** Why, as typed after `:severity P1`; empty when not given. */
  reason: string;
}

/** A span the incident spent at one level. */
export interface SeverityPeriod {
  severity: string;
  from: number;
  to: number;
  durationMs: number;
}

/** A raise warroom suggested from the board, and when (if ever) it was done. */
export interface SeveritySuggestion {
  at: number;
  from: string;
  to: string;
  reason: string;
  /** When the severity first reached the suggested level or worse afterwards; null if never. */
  followedAt: number | null;
}

/** The incident's severity story. */
export interface SeverityHistory {
  initial: string;
  current: string;
  changes: SeverityChange[];
  periods: SeverityPeriod[];
  /** Total time at each level, most severe first. */
  timeAt: { severity: string; durationMs: number }[];
  suggestions: SeveritySuggestion[];
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value !== '' ? value : fallback);

/** P0 is the most severe: a smaller number ranks higher. Unknown names rank last. */
function rank(severity: string): number {
  const m = /^P(\d)$/.exec(severity);
  return m ? Number(m[1]) : 99;
}

/** Derives the severity history from events sorted by time, up to `endAt` (resolution, or now). */
export function severityHistory(sorted: readonly TimelineEvent[], startedAt: number, endAt: number): SeverityHistory {
  const opened = sorted.find((e) => e.kind === 'incident.opened');
  const initial = text(opened?.data.severity, 'P2');
  const changes: SeverityChange[] = [];
  const suggestions: SeveritySuggestion[] = [];
  for (const event of sorted) {
    if (event.kind === 'incident.severity') {
      changes.push({ at: event.ts, from: text(event.data.from, '?'), to: text(event.data.to, '?'), by: event.operator, reason: text(event.data.reason, '') });
    } else if (event.kind === 'incident.severity-suggested') {
      suggestions.push({ at: event.ts, from: text(event.data.from, '?'), to: text(event.data.to, '?'), reason: text(event.data.reason, ''), followedAt: null });
    }
  }
  for (const suggestion of suggestions) {
    suggestion.followedAt = changes.find((c) => c.at >= suggestion.at && rank(c.to) <= rank(suggestion.to))?.at ?? null;
  }
  const periods: SeverityPeriod[] = [];
  let level = initial;
  let from = startedAt;
  for (const change of changes) {
    const at = Math.min(Math.max(change.at, from), endAt);
    periods.push({ severity: level, from, to: at, durationMs: at - from });
    level = change.to;
    from = at;
  }
  const end = Math.max(endAt, from);
  periods.push({ severity: level, from, to: end, durationMs: end - from });
  const totals = new Map<string, number>();
  for (const period of periods) totals.set(period.severity, (totals.get(period.severity) ?? 0) + period.durationMs);
  const timeAt = [...totals.entries()]
    .map(([severity, durationMs]) => ({ severity, durationMs }))
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.severity.localeCompare(b.severity));
  return { initial, current: level, changes, periods: periods.filter((p) => p.durationMs > 0 || periods.length === 1), timeAt, suggestions };
}
